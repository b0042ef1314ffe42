namespace Contrail.Generators.Diagnostics;

/// <summary>Diagnostic IDs of Contrail.Generators. Each has a page under docs/diagnostics/.</summary>
internal static class DiagnosticIds
{
    public const string NotAGrpcService = "CTR0001";
    public const string TraceTagMemberNotFound = "CTR0002";
    public const string TraceTagMemberNotRecordable = "CTR0003";
    public const string DuplicateTraceTag = "CTR0004";
    public const string TraceTagOnStreamingRequest = "CTR0005";
    public const string TracingAttributeOutsideTracedService = "CTR0006";
    public const string UnsupportedServiceClass = "CTR0007";
    public const string InvalidTraceTagName = "CTR0008";
    public const string InvalidSpanStatusOverride = "CTR0009";
}
