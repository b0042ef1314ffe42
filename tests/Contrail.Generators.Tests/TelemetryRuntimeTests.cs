using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using Contrail.Generators.Errors;
using Contrail.Generators.Metrics;
using Contrail.Generators.TracedServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace Contrail.Generators.Tests;

/// <summary>
/// The traced-services runtime (src/Contrail.Generators/Runtime/) is emitted as it is, with only the
/// advice symbol and the version varying; tests/Contrail.Runtime.Tests tests its behaviour as code.
/// </summary>
public sealed class TelemetryRuntimeTests
{
    /// <summary>Whether a hint name is one of the runtime files, the same in every assembly (no per-case snapshot).</summary>
    public static bool IsRuntime(string hintName) =>
        hintName == ServerTelemetryEmitter.VersionHintName
        || hintName == MetricsEmitter.TagValuesHintName
        || hintName == ErrorCatalogEmitter.DescriptorHintName
        || hintName == ErrorCatalogEmitter.HttpHintName
        || ErrorCatalogEmitter.RuntimeFiles.Any(f => f.HintName == hintName)
        || ServerTelemetryEmitter.RuntimeFiles.Any(f => f.HintName == hintName);

    [Fact]
    public void The_generator_emits_the_runtime_files_as_they_are()
    {
        // The test compilation references the running framework, which has InstrumentAdvice<T>.
        var input = TestCompilation.Create(new[] { Sources.OrderService, Sources.Host });
        var (driver, _, _) = TestCompilation.RunGenerator(input);
        var generated = TestCompilation.GeneratedSources(driver).ToDictionary(s => s.HintName, s => s.SourceText.ToString());

        foreach (var (hintName, fileName) in ServerTelemetryEmitter.RuntimeFiles)
        {
            var expected = RuntimeFile(fileName);
            if (hintName == ServerTelemetryEmitter.TelemetryHintName)
            {
                expected = "#define CONTRAIL_INSTRUMENT_ADVICE\n" + expected;
            }

            Assert.Equal(expected, generated[hintName]);
        }

        Assert.Equal(ExpectedVersionFile, generated[ServerTelemetryEmitter.VersionHintName]);
    }

    [Fact]
    public void The_error_catalog_emits_its_runtime_files_as_they_are()
    {
        var input = TestCompilation.Create(Sources.Errors);
        var (driver, _, _) = TestCompilation.RunGenerator(input);
        var generated = TestCompilation.GeneratedSources(driver).ToDictionary(s => s.HintName, s => s.SourceText.ToString());

        foreach (var (hintName, fileName) in ErrorCatalogEmitter.RuntimeFiles)
        {
            Assert.Equal(RuntimeFile(fileName), generated[hintName]);
        }
    }

    [Fact]
    public void The_metrics_generator_emits_the_tag_value_boxes_as_they_are()
    {
        var input = TestCompilation.Create(Metrics.MetricsSources.ShopMetrics);
        var (driver, _, _) = TestCompilation.RunGenerator(input);
        var generated = TestCompilation.GeneratedSources(driver).Single(s => s.HintName == MetricsEmitter.TagValuesHintName).SourceText.ToString();

        Assert.Equal(RuntimeFile(MetricsEmitter.TagValuesFileName), generated);
    }

    [Theory]
    [InlineData(ErrorCatalogEmitter.DescriptorHintName, ErrorCatalogEmitter.DescriptorFileName)]
    [InlineData(ErrorCatalogEmitter.HttpHintName, ErrorCatalogEmitter.HttpFileName)]
    public void Each_catalog_class_gets_the_runtime_members_as_they_are(string hintName, string fileName)
    {
        var input = TestCompilation.Create(Sources.Errors);
        var (driver, _, _) = TestCompilation.RunGenerator(input);
        var generated = TestCompilation.GeneratedSources(driver).Single(s => s.HintName == hintName).SourceText.ToString();

        // Both classes sit in a namespace block, so their members have the same indentation.
        Assert.Contains("namespace Acme.Shop\n{\n    public static partial class ShopErrors\n    {\n", generated, StringComparison.Ordinal);
        Assert.Equal(ClassBody(RuntimeFile(fileName)), ClassBody(generated));
    }

    [Fact]
    public void Without_InstrumentAdvice_only_the_define_is_left_out()
    {
        var emitted = ServerTelemetryEmitter.Emit(hasInstrumentAdvice: false).ToDictionary(f => f.HintName, f => f.Source);

        Assert.Equal(
            ServerTelemetryEmitter.RuntimeFiles.Select(f => f.HintName).Append(ServerTelemetryEmitter.VersionHintName),
            emitted.Keys);
        foreach (var (hintName, fileName) in ServerTelemetryEmitter.RuntimeFiles)
        {
            Assert.Equal(RuntimeFile(fileName), emitted[hintName]);
        }
    }

    [Theory]
    [InlineData(LanguageVersion.CSharp10, NullableContextOptions.Enable, true)]
    [InlineData(LanguageVersion.CSharp10, NullableContextOptions.Enable, false)]
    [InlineData(LanguageVersion.CSharp10, NullableContextOptions.Disable, true)]
    [InlineData(LanguageVersion.CSharp10, NullableContextOptions.Disable, false)]
    [InlineData(LanguageVersion.Latest, NullableContextOptions.Enable, true)]
    [InlineData(LanguageVersion.Latest, NullableContextOptions.Enable, false)]
    [InlineData(LanguageVersion.Latest, NullableContextOptions.Disable, true)]
    [InlineData(LanguageVersion.Latest, NullableContextOptions.Disable, false)]
    public void The_runtime_compiles_warning_free_under_the_users_settings(LanguageVersion languageVersion, NullableContextOptions nullable, bool hasInstrumentAdvice)
    {
        var runtime = RuntimeSources(hasInstrumentAdvice);

        var compilation = TestCompilation.Create(runtime, languageVersion, nullable);

        TestCompilation.AssertClean(compilation, $"the runtime under C# {languageVersion}, nullable {nullable}, advice {hasInstrumentAdvice}");
    }

    [Theory]
    [InlineData("net8.0", false)]
    [InlineData("net9.0", true)]
    [InlineData("net10.0", true)]
    public void The_runtime_compiles_against_the_targets_reference_assemblies(string targetFramework, bool hasInstrumentAdvice)
    {
        IEnumerable<MetadataReference> framework = targetFramework switch
        {
            "net8.0" => Basic.Reference.Assemblies.Net80.References.All,
            "net9.0" => Basic.Reference.Assemblies.Net90.References.All,
            "net10.0" => Basic.Reference.Assemblies.Net100.References.All,
            _ => throw new ArgumentOutOfRangeException(nameof(targetFramework), targetFramework, null),
        };

        // Grpc.Core.Api is a netstandard2.x assembly: the same file on every target.
        var references = framework.Concat(TestCompilation.References.Where(r => Path.GetFileName(r.Display) is "Grpc.Core.Api.dll" or "Contrail.Abstractions.dll"));
        var compilation = TestCompilation.Create(
            RuntimeSources(hasInstrumentAdvice),
            LanguageVersion.CSharp10,
            references: references);

        TestCompilation.AssertClean(compilation, $"the runtime on {targetFramework}");
    }

    [Fact]
    public void The_runtimes_literals_are_the_semantic_conventions_the_generator_uses()
    {
        // The runtime spells the conventions as literals (it is plain C#); the generator's table
        // (reserved tag names, error mask) must say the same.
        var runtime = string.Concat(ServerTelemetryEmitter.Emit(hasInstrumentAdvice: true).Select(f => f.Source));
        var names = new[]
        {
            RpcSemanticConventions.RpcSystemName, RpcSemanticConventions.RpcMethod, RpcSemanticConventions.RpcResponseStatusCode,
            RpcSemanticConventions.ErrorType, RpcSemanticConventions.ServerAddress, RpcSemanticConventions.ServerPort,
            RpcSemanticConventions.NetworkPeerAddress, RpcSemanticConventions.NetworkPeerPort, RpcSemanticConventions.GrpcSystemValue,
            RpcSemanticConventions.ServerCallDuration, RpcSemanticConventions.ServerCallDurationUnit, RpcSemanticConventions.ServerCallDurationDescription,
            RpcSemanticConventions.StabilityOptInVariable, RpcSemanticConventions.DuplicateOptInValue, RpcSemanticConventions.LegacyRpcSystem,
            RpcSemanticConventions.LegacyRpcService, RpcSemanticConventions.LegacyGrpcStatusCode, RpcSemanticConventions.LegacyServerDuration,
            RpcSemanticConventions.LegacyServerDurationUnit, RpcSemanticConventions.HostingActivityName, RpcSemanticConventions.HostingActivitySourceName,
            RpcSemanticConventions.InstrumentationName,
        };
        foreach (var name in names)
        {
            Assert.Contains("\"" + name + "\"", runtime, StringComparison.Ordinal);
        }

        Assert.Contains("HistogramBucketBoundaries = new double[] { " + RpcSemanticConventions.DurationBuckets + " }", runtime, StringComparison.Ordinal);
        Assert.Contains("conventions v" + RpcSemanticConventions.Version + ",", runtime, StringComparison.Ordinal);
    }

    private static string ExpectedVersionFile => $$"""
        // <auto-generated/>
        #nullable enable
        #pragma warning disable CS0436 // this assembly's own Contrail helpers win over a friend assembly's
        #pragma warning disable CS0612, CS0618 // the user's obsolete types and members are still theirs to map and record

        namespace Contrail.Generated
        {
            internal static partial class ContrailServerTelemetry
            {
                /// <summary>The version of Contrail that generated this telemetry, reported by its ActivitySource and Meter.</summary>
                internal const string InstrumentationVersion = "{{typeof(ServerTelemetryEmitter).Assembly.GetName().Version!.ToString(3)}}";
            }
        }

        """.Replace("\r\n", "\n");

    /// <summary>Every runtime file as the generators emit it; the catalog members are compiled in their own class.</summary>
    private static string[] RuntimeSources(bool hasInstrumentAdvice) =>
        ServerTelemetryEmitter.Emit(hasInstrumentAdvice).Select(f => f.Source)
            .Concat(ErrorCatalogEmitter.RuntimeFiles.Select(f => RuntimeFile(f.FileName)))
            .Append(RuntimeFile(ErrorCatalogEmitter.DescriptorFileName))
            .Append(RuntimeFile(ErrorCatalogEmitter.HttpFileName))
            .Append(RuntimeFile(MetricsEmitter.TagValuesFileName))
            .ToArray();

    /// <summary>The lines between a file's first line <c>"    {"</c> and its last line <c>"    }"</c>: the body of its one class.</summary>
    private static string ClassBody(string text)
    {
        var lines = text.Replace("\r\n", "\n").Split('\n');
        var open = Array.IndexOf(lines, "    {");
        var close = Array.LastIndexOf(lines, "    }");
        Assert.True(open >= 0 && close > open, "the file has no class in a namespace block");
        return string.Join("\n", lines.Skip(open + 1).Take(close - open - 1));
    }

    private static string RuntimeFile(string fileName, [CallerFilePath] string callerPath = "") =>
        File.ReadAllText(Path.Combine(Path.GetDirectoryName(callerPath)!, "..", "..", "src", "Contrail.Generators", "Runtime", fileName));
}
