namespace Contrail.Generators.TracedServices;

/// <summary>
/// The OpenTelemetry RPC semantic-convention names Contrail emits (v1.44.0), as the generator uses
/// them (reserved tag names, the default error rule).
/// </summary>
/// <remarks>
/// The runtime under <c>Runtime/</c> is plain C# and spells the same names as literals; a test
/// (TelemetryRuntimeTests) fails when the two disagree, so a convention upgrade edits both.
/// </remarks>
internal static class RpcSemanticConventions
{
    public const string Version = "1.44.0";

    public const string RpcSystemName = "rpc.system.name";
    public const string RpcMethod = "rpc.method";
    public const string RpcResponseStatusCode = "rpc.response.status_code";
    public const string ErrorType = "error.type";
    public const string ServerAddress = "server.address";
    public const string ServerPort = "server.port";
    public const string NetworkPeerAddress = "network.peer.address";
    public const string NetworkPeerPort = "network.peer.port";
    public const string GrpcSystemValue = "grpc";

    public const string ServerCallDuration = "rpc.server.call.duration";
    public const string ServerCallDurationUnit = "s";
    public const string ServerCallDurationDescription = "Measures the duration of an incoming Remote Procedure Call (RPC).";

    /// <summary>Advised bucket boundaries for <see cref="ServerCallDuration"/>, in seconds.</summary>
    public const string DurationBuckets = "0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10";

    /// <summary>
    /// Pre-1.39 names, emitted as well when <c>OTEL_SEMCONV_STABILITY_OPT_IN</c> contains
    /// <c>rpc/dup</c>. Where an old and a new attribute share a key (<c>rpc.method</c>) the span
    /// carries the new value; the old metric carries the old one.
    /// </summary>
    public const string StabilityOptInVariable = "OTEL_SEMCONV_STABILITY_OPT_IN";
    public const string DuplicateOptInValue = "rpc/dup";
    public const string LegacyRpcSystem = "rpc.system";
    public const string LegacyRpcService = "rpc.service";
    public const string LegacyGrpcStatusCode = "rpc.grpc.status_code";
    public const string LegacyServerDuration = "rpc.server.duration";
    public const string LegacyServerDurationUnit = "ms";

    /// <summary>
    /// Status codes that make a server span an error by the conventions' server rule: UNKNOWN (2),
    /// DEADLINE_EXCEEDED (4), UNIMPLEMENTED (12), INTERNAL (13), UNAVAILABLE (14), DATA_LOSS (15).
    /// Bit <c>n</c> stands for status code <c>n</c>.
    /// </summary>
    public const int DefaultServerErrorMask = (1 << 2) | (1 << 4) | (1 << 12) | (1 << 13) | (1 << 14) | (1 << 15);

    /// <summary>The span names ASP.NET Core's hosting layer uses for the request span.</summary>
    public const string HostingActivityName = "Microsoft.AspNetCore.Hosting.HttpRequestIn";
    public const string HostingActivitySourceName = "Microsoft.AspNetCore";

    /// <summary>The name of Contrail's ActivitySource and Meter for server telemetry.</summary>
    public const string InstrumentationName = "Contrail.Grpc.Server";
}
