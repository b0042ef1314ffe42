using Microsoft.CodeAnalysis;

namespace Contrail.Analyzers.Diagnostics;

internal static partial class DiagnosticDescriptors
{
    /// <summary>The category of the context-propagation rules (CTR1xxx).</summary>
    public const string PropagationCategory = "Contrail.Propagation";

    /// <summary>CTR1001: {0} describes the call, {1} is the token to pass.</summary>
    public static readonly DiagnosticDescriptor CancellationNotPassed = new(
        DiagnosticIds.CancellationNotPassed,
        title: "Call inside a gRPC handler does not pass the call's cancellation",
        messageFormat: "{0}; pass '{1}' so that it stops when the call is cancelled",
        category: PropagationCategory,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "A call made while serving a gRPC request accepts a CancellationToken but is given none, CancellationToken.None or default: when the caller cancels or its deadline passes, the work goes on.",
        helpLinkUri: HelpLink(DiagnosticIds.CancellationNotPassed));

    /// <summary>CTR1002: {0} is the client method, {1} the arguments to add.</summary>
    public static readonly DiagnosticDescriptor ClientCallWithoutDeadline = new(
        DiagnosticIds.ClientCallWithoutDeadline,
        title: "Outgoing gRPC call does not carry the incoming call's deadline or cancellation",
        messageFormat: "gRPC client call '{0}' carries neither the deadline nor the cancellation of the incoming call; pass '{1}'",
        category: PropagationCategory,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "A downstream gRPC call made while serving a request should end when the incoming call ends: pass the incoming call's deadline and cancellation token, directly or through CallOptions.",
        helpLinkUri: HelpLink(DiagnosticIds.ClientCallWithoutDeadline));

    /// <summary>CTR1003: {0} describes the work, {1} is the handler.</summary>
    public static readonly DiagnosticDescriptor WorkOutlivesCall = new(
        DiagnosticIds.WorkOutlivesCall,
        title: "Work started in a gRPC handler outlives the call",
        messageFormat: "{0} outlives the call '{1}': it can run after the call's span has ended and the call's cancellation does not stop it; await it, or detach it on purpose (a background queue, or a suppression with a justification)",
        category: PropagationCategory,
        defaultSeverity: DiagnosticSeverity.Info,
        isEnabledByDefault: true,
        description: "Fire-and-forget work started while serving a request is not awaited by the handler: it is not cancelled with the call and its spans are recorded under a span that has already ended.",
        helpLinkUri: HelpLink(DiagnosticIds.WorkOutlivesCall));

    /// <summary>CTR1004: {0} names the construct, {1} says what is lost and what to do instead.</summary>
    public static readonly DiagnosticDescriptor TraceContextCut = new(
        DiagnosticIds.TraceContextCut,
        title: "Trace context cut inside a gRPC handler",
        messageFormat: "{0} cuts the call's trace: {1}",
        category: PropagationCategory,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "Activity.Current flows with the execution context. Suppressing that flow, clearing Activity.Current or starting a span under a fabricated root makes the work that follows start traces of its own, detached from the caller's.",
        helpLinkUri: HelpLink(DiagnosticIds.TraceContextCut));

    /// <summary>CTR1005: {0} is the object, {1} how it escapes, {2} the handler.</summary>
    public static readonly DiagnosticDescriptor RequestScopedObjectEscapes = new(
        DiagnosticIds.RequestScopedObjectEscapes,
        title: "Request-scoped gRPC object escapes the handler",
        messageFormat: "'{0}' belongs to the call '{2}' but {1}, which outlives the call; copy the values you need before the handler returns",
        category: PropagationCategory,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "ServerCallContext and the request and response streams are valid only while the handler runs: once the call completes, grpc-dotnet reuses or disposes them, and reading or writing them fails or touches another call.",
        helpLinkUri: HelpLink(DiagnosticIds.RequestScopedObjectEscapes));
}
