using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Grpc.Core;
using Microsoft.AspNetCore.Http;

namespace Contrail.Testing.Grpc;

/// <summary>
/// A settable <see cref="ServerCallContext"/> for in-process tests. The members hidden with
/// <c>new</c> are settable versions of the base class's read-only ones; both views return the same
/// value. <see cref="ServerCallContext.Status"/>, <see cref="ServerCallContext.ResponseTrailers"/>,
/// <see cref="ServerCallContext.WriteOptions"/> and <see cref="ResponseHeaders"/> record what the
/// handler and interceptors did.
/// </summary>
public sealed class TestServerCallContext : ServerCallContext
{
    /// <summary>The method used when none is given.</summary>
    public const string DefaultMethod = "/contrail.test.TestService/Method";

    private static readonly AuthContext UnauthenticatedContext = new AuthContext(null, new Dictionary<string, List<AuthProperty>>());

    private readonly CancellationTokenSource _cancellation = new CancellationTokenSource();
    private readonly Metadata _responseTrailers = new Metadata();
    private CancellationToken? _cancellationToken;
    private Status _status;
    private WriteOptions? _writeOptions;

    /// <param name="method">The full method name, "/package.Service/Method".</param>
    public TestServerCallContext(string method = DefaultMethod)
    {
        Method = method ?? throw new ArgumentNullException(nameof(method));
    }

    /// <summary>Creates a context for the specified method (uses its <see cref="IMethod.FullName"/>).</summary>
    public static TestServerCallContext For(IMethod method)
    {
        ArgumentNullException.ThrowIfNull(method);
        return new TestServerCallContext(method.FullName);
    }

    /// <summary>The full method name, "/package.Service/Method".</summary>
    public new string Method { get; set; }

    public new string Host { get; set; } = "localhost";

    public new string Peer { get; set; } = "ipv4:127.0.0.1:50051";

    /// <summary>The call deadline; <see cref="DateTime.MaxValue"/> (no deadline) by default.</summary>
    public new DateTime Deadline { get; set; } = DateTime.MaxValue;

    public new Metadata RequestHeaders { get; set; } = new Metadata();

    /// <summary>
    /// The call's cancellation token. Defaults to a token that <see cref="Cancel"/> signals; setting it
    /// replaces that token.
    /// </summary>
    public new CancellationToken CancellationToken
    {
        get => _cancellationToken ?? _cancellation.Token;
        set => _cancellationToken = value;
    }

    public new AuthContext AuthContext { get; set; } = UnauthenticatedContext;

    /// <summary>
    /// The HttpContext returned by <c>GetHttpContext()</c> (stored in <see cref="ServerCallContext.UserState"/>
    /// under upstream's "__HttpContext" key); null when none was set.
    /// </summary>
    public HttpContext? HttpContext
    {
        get => UserState.TryGetValue(ServerCallContextExtensions.HttpContextKey, out var value) ? value as HttpContext : null;
        set
        {
            if (value is null)
            {
                UserState.Remove(ServerCallContextExtensions.HttpContextKey);
            }
            else
            {
                UserState[ServerCallContextExtensions.HttpContextKey] = value;
            }
        }
    }

    /// <summary>The headers passed to <see cref="ServerCallContext.WriteResponseHeadersAsync"/>; null until then.</summary>
    public Metadata? ResponseHeaders { get; private set; }

    /// <summary>
    /// Whether the response has started (headers written explicitly, or a message written through a
    /// <see cref="TestServerStreamWriter{T}"/> bound to this context); headers can no longer be written.
    /// </summary>
    public bool ResponseStarted { get; private set; }

    /// <summary>Cancels the default <see cref="CancellationToken"/>, as when the client cancels the call.</summary>
    public void Cancel() => _cancellation.Cancel();

    internal void MarkResponseStarted() => ResponseStarted = true;

    protected override string MethodCore => Method;

    protected override string HostCore => Host;

    protected override string PeerCore => Peer;

    protected override DateTime DeadlineCore => Deadline;

    protected override Metadata RequestHeadersCore => RequestHeaders;

    protected override CancellationToken CancellationTokenCore => CancellationToken;

    protected override Metadata ResponseTrailersCore => _responseTrailers;

    /// <summary>Like upstream, starts as <c>default(Status)</c> (OK, null detail) until something sets it.</summary>
    protected override Status StatusCore
    {
        get => _status;
        set => _status = value;
    }

    protected override WriteOptions? WriteOptionsCore
    {
        get => _writeOptions;
        set => _writeOptions = value;
    }

    protected override AuthContext AuthContextCore => AuthContext;

    /// <summary>Grpc.AspNetCore.Server does not implement propagation tokens; neither does this context.</summary>
    protected override ContextPropagationToken CreatePropagationTokenCore(ContextPropagationOptions? options)
    {
        throw new NotImplementedException("CreatePropagationToken will be implemented in a future version.");
    }

    /// <summary>Records the headers; like upstream, throws if the response has already started.</summary>
    protected override Task WriteResponseHeadersAsyncCore(Metadata responseHeaders)
    {
        ArgumentNullException.ThrowIfNull(responseHeaders);
        if (ResponseStarted)
        {
            throw new InvalidOperationException("Response headers can only be sent once per call.");
        }

        ResponseHeaders = responseHeaders;
        ResponseStarted = true;
        return Task.CompletedTask;
    }
}
