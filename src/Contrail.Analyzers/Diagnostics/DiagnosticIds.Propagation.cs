namespace Contrail.Analyzers.Diagnostics;

internal static partial class DiagnosticIds
{
    /// <summary>A call inside a gRPC handler could take the call's cancellation but gets none.</summary>
    public const string CancellationNotPassed = "CTR1001";

    /// <summary>An outgoing gRPC client call inside a handler carries neither the deadline nor the cancellation of the incoming call.</summary>
    public const string ClientCallWithoutDeadline = "CTR1002";

    /// <summary>Work started inside a handler outlives the call.</summary>
    public const string WorkOutlivesCall = "CTR1003";

    /// <summary>Trace context cut inside a handler.</summary>
    public const string TraceContextCut = "CTR1004";

    /// <summary>A request-scoped object escapes the handler.</summary>
    public const string RequestScopedObjectEscapes = "CTR1005";
}
