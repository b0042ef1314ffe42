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

    public const string InvalidErrorReason = "CTR4001";
    public const string DuplicateErrorReason = "CTR4002";
    public const string MissingErrorDomain = "CTR4003";
    public const string InvalidErrorMetadataKey = "CTR4004";
    public const string MessagePlaceholderWithoutMetadata = "CTR4005";
    public const string InvalidErrorCode = "CTR4006";
    public const string InvalidErrorMetadataMember = "CTR4007";
    public const string UnmappedExceptionInTracedHandler = "CTR4008";
    public const string InvalidErrorType = "CTR4009";
    public const string InvalidErrorDomainSettings = "CTR4010";
}
