using System;

namespace Grpc.Core;

/// <summary>Status of a remote procedure call: a code, a detail string and an optional server-local exception.</summary>
public struct Status
{
    public static readonly Status DefaultSuccess = new Status(StatusCode.OK, "");

    public static readonly Status DefaultCancelled = new Status(StatusCode.Cancelled, "");

    public Status(StatusCode statusCode, string detail)
        : this(statusCode, detail, null)
    {
    }

    public Status(StatusCode statusCode, string detail, Exception? debugException)
    {
        StatusCode = statusCode;
        Detail = detail;
        DebugException = debugException;
    }

    public StatusCode StatusCode { get; }

    public string Detail { get; }

    /// <summary>Exception that caused the status, for debugging; it is never sent to the peer.</summary>
    public Exception? DebugException { get; }

    public override string ToString()
    {
        return DebugException is null
            ? $"Status(StatusCode=\"{StatusCode}\", Detail=\"{Detail}\")"
            : $"Status(StatusCode=\"{StatusCode}\", Detail=\"{Detail}\", DebugException=\"{DebugException.GetType()}: {DebugException.Message}\")";
    }
}
