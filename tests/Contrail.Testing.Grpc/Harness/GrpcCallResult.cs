using System;
using Grpc.Core;

namespace Contrail.Testing.Grpc;

/// <summary>The outcome of a call run by <see cref="GrpcServerInvoker"/>, as the client would see it.</summary>
public sealed class GrpcCallResult<TResponse>
    where TResponse : class
{
    internal GrpcCallResult(ServerCallContext context, Status status, Metadata trailers, TResponse? response, Exception? exception)
    {
        Context = context;
        Status = status;
        Trailers = trailers;
        Response = response;
        Exception = exception;
    }

    /// <summary>The server call context the call ran with.</summary>
    public ServerCallContext Context { get; }

    /// <summary>
    /// The status the client receives: code and detail only (a status's DebugException never crosses
    /// the wire); the detail is "" when the handler left <see cref="ServerCallContext.Status"/> unset.
    /// </summary>
    public Status Status { get; }

    public StatusCode StatusCode => Status.StatusCode;

    /// <summary>
    /// The trailers the client receives: <see cref="ServerCallContext.ResponseTrailers"/> including those
    /// merged from a thrown <see cref="RpcException"/>; empty when the client cancelled the call.
    /// </summary>
    public Metadata Trailers { get; }

    /// <summary>The response message of a unary or client streaming call; null unless the status is OK.</summary>
    public TResponse? Response { get; }

    /// <summary>The exception that escaped the interceptor pipeline, if any.</summary>
    public Exception? Exception { get; }

    /// <summary>
    /// The status the server recorded in <see cref="ServerCallContext.Status"/> (upstream's server-side
    /// view, including the DebugException; Unknown even for a cancelled call's exception).
    /// </summary>
    public Status ServerStatus => Context.Status;
}
