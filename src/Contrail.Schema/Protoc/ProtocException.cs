using System;
using System.Collections.Generic;

namespace Contrail.Schema.Protoc;

/// <summary>
/// protoc could not turn a directory into a schema: it is missing, timed out, found nothing to compile
/// or produced unreadable output. The message is one line, fit to print as <c>contrail: &lt;message&gt;</c>.
/// </summary>
public class ProtocException : Exception
{
    /// <summary>Creates the exception with a one-line message.</summary>
    public ProtocException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a one-line message and its cause.</summary>
    public ProtocException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>No protoc executable could be found (explicit path, <c>CONTRAIL_PROTOC</c>, or the Grpc.Tools package).</summary>
public sealed class ProtocNotFoundException : ProtocException
{
    /// <summary>Creates the exception with a one-line message saying where protoc was looked for.</summary>
    public ProtocNotFoundException(string message)
        : base(message)
    {
    }
}

/// <summary>
/// protoc rejected the input (syntax errors, unresolved imports or types). <see cref="Errors"/> holds
/// each error as a located record; the message is a one-line summary naming the first one.
/// </summary>
public sealed class ProtocCompilationException : ProtocException
{
    /// <summary>Creates the exception from protoc's parsed errors.</summary>
    public ProtocCompilationException(IReadOnlyList<ProtocDiagnostic> errors, string rawOutput)
        : base(Summarize(errors, rawOutput))
    {
        Errors = errors;
        RawOutput = rawOutput;
    }

    /// <summary>Every error protoc reported, in its order (warnings excluded).</summary>
    public IReadOnlyList<ProtocDiagnostic> Errors { get; }

    /// <summary>protoc's standard error as it was printed.</summary>
    public string RawOutput { get; }

    private static string Summarize(IReadOnlyList<ProtocDiagnostic> errors, string rawOutput)
    {
        if (errors.Count == 0)
        {
            var firstLine = rawOutput.Trim().Split('\n')[0].Trim();
            return firstLine.Length == 0 ? "protoc failed without a message" : "protoc failed: " + firstLine;
        }

        var more = errors.Count > 1 ? $" (and {errors.Count - 1} more error{(errors.Count > 2 ? "s" : string.Empty)})" : string.Empty;
        return errors[0].ToString() + more;
    }
}
