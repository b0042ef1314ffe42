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

    public const string InvalidInstrumentName = "CTR3001";
    public const string InstrumentNameStyle = "CTR3002";
    public const string InvalidInstrumentUnit = "CTR3003";
    public const string DuplicateInstrumentName = "CTR3004";
    public const string InvalidMetricTagName = "CTR3005";
    public const string DuplicateMetricTagName = "CTR3006";
    public const string UnsupportedMeasurementType = "CTR3007";
    public const string UnsupportedMetricTagType = "CTR3008";
    public const string InvalidInstrumentMethod = "CTR3009";
    public const string InvalidMeterClass = "CTR3010";
    public const string InvalidHistogramBuckets = "CTR3011";
    public const string LikelyUnboundedMetricTag = "CTR3012";
    public const string MissingMeasurement = "CTR3013";
    public const string InstrumentNotAvailable = "CTR3014";
    public const string InstrumentOutsideMeter = "CTR3015";

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
