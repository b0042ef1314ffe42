namespace Contrail.Generated;

/// <summary>What the generator writes as Contrail.ServerTelemetry.Version.g.cs.</summary>
internal static partial class ContrailServerTelemetry
{
    internal const string InstrumentationVersion = "0.0.0-test";
}
