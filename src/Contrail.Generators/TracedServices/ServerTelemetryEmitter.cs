using System.Collections.Generic;
using Contrail.Generators.Common;

namespace Contrail.Generators.TracedServices;

/// <summary>
/// Writes the per-assembly part of the traced-services feature: the telemetry core every traced
/// service's interceptor calls (span, status and duration handling, in <c>Runtime/</c>), emitted
/// as it is, and the little that varies per compilation.
/// </summary>
/// <remarks>
/// Two things vary: whether <c>InstrumentAdvice&lt;T&gt;</c> exists (.NET 9+), which the runtime
/// reads as the <see cref="InstrumentAdviceSymbol"/> preprocessor symbol, and the Contrail version,
/// which a generated partial declares as <c>InstrumentationVersion</c>.
/// </remarks>
internal static class ServerTelemetryEmitter
{
    public const string TelemetryHintName = "Contrail.ServerTelemetry.g.cs";
    public const string AddressesHintName = "Contrail.ServerTelemetry.Addresses.g.cs";
    public const string MethodTelemetryHintName = "Contrail.RpcMethodTelemetry.g.cs";
    public const string VersionHintName = "Contrail.ServerTelemetry.Version.g.cs";
    public const string RegistrationHintName = "Contrail.GrpcServerBuilderExtensions.g.cs";

    /// <summary>Defined in the telemetry core when the compilation has <c>InstrumentAdvice&lt;T&gt;</c>.</summary>
    public const string InstrumentAdviceSymbol = "CONTRAIL_INSTRUMENT_ADVICE";

    /// <summary>The runtime files emitted as they are: hint name and file under <c>Runtime/</c>.</summary>
    public static readonly IReadOnlyList<(string HintName, string FileName)> RuntimeFiles = new[]
    {
        (TelemetryHintName, "ContrailServerTelemetry.cs"),
        (AddressesHintName, "ContrailServerTelemetry.Addresses.cs"),
        (MethodTelemetryHintName, "RpcMethodTelemetry.cs"),
    };

    /// <summary>Every file of the telemetry core, by hint name, in a stable order.</summary>
    /// <param name="hasInstrumentAdvice">Whether the runtime has <c>InstrumentAdvice&lt;T&gt;</c> (.NET 9+) for bucket advice.</param>
    public static IEnumerable<(string HintName, string Source)> Emit(bool hasInstrumentAdvice)
    {
        yield return (TelemetryHintName, EmitTelemetry(hasInstrumentAdvice));
        for (var i = 1; i < RuntimeFiles.Count; i++)
        {
            yield return (RuntimeFiles[i].HintName, EmbeddedRuntime.Read(RuntimeFiles[i].FileName));
        }

        yield return (VersionHintName, EmitVersion());
    }

    /// <summary>The telemetry core's main file, with the advice symbol defined when the runtime has it.</summary>
    /// <param name="hasInstrumentAdvice">Whether the runtime has <c>InstrumentAdvice&lt;T&gt;</c> (.NET 9+) for bucket advice.</param>
    public static string EmitTelemetry(bool hasInstrumentAdvice)
    {
        // #define must precede the file's first token; the header's comment and directives may follow it.
        var text = EmbeddedRuntime.Read(RuntimeFiles[0].FileName);
        return hasInstrumentAdvice ? "#define " + InstrumentAdviceSymbol + "\n" + text : text;
    }

    /// <summary>The Contrail version, for <c>[GeneratedCode]</c> and the ActivitySource and Meter.</summary>
    public static string EmitVersion() => GeneratedCode.Header + $$"""

        namespace Contrail.Generated
        {
            internal static partial class ContrailServerTelemetry
            {
                /// <summary>The version of Contrail that generated this telemetry, reported by its ActivitySource and Meter.</summary>
                internal const string InstrumentationVersion = "{{GeneratedCode.Version}}";
            }
        }

        """;
}
