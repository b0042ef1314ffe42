using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Contrail.Generators.Errors;
using Contrail.Generators.Metrics;
using Contrail.Generators.Tests.Metrics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace Contrail.Generators.Tests;

/// <summary>
/// The error catalog and typed metrics compiled against each .NET a user can target, through
/// Microsoft.CodeAnalysis.Testing with the reference assemblies of that target (not the running
/// framework): net8.0 has no <c>InstrumentAdvice</c>, net9.0 and net10.0 have it.
/// </summary>
public sealed class TargetFrameworkTests
{
    public static TheoryData<string> TargetFrameworks => new() { "net8.0", "net9.0", "net10.0" };

    [Theory]
    [MemberData(nameof(TargetFrameworks))]
    public Task Errors_and_metrics_compile_warning_free_on_the_target(string targetFramework)
    {
        var test = new GeneratorTest(targetFramework)
        {
            // The framework compiles with documentation comments checked (CS1591): the user's sources opt out,
            // the generated public API must be documented.
            TestState = { Sources = { Undocumented(Sources.Errors), Undocumented(MetricsSources.ShopMetrics), Undocumented(MetricsSources.InventoryMetrics) } },
            // The expected output is checked against the files in Snapshots/ by the other generator tests.
            TestBehaviors = TestBehaviors.SkipGeneratedSourcesCheck,
            CompilerDiagnostics = CompilerDiagnostics.Warnings,
        };
        return test.RunAsync();
    }

    [Theory]
    [InlineData("net8.0", false)]
    [InlineData("net9.0", true)]
    [InlineData("net10.0", true)]
    public void Histograms_carry_bucket_advice_where_the_target_has_InstrumentAdvice(string targetFramework, bool advised)
    {
        var input = TestCompilation.Create(MetricsSources.ShopMetrics, references: References(targetFramework));

        var (driver, output, diagnostics) = TestCompilation.RunGenerator(input);

        Assert.Empty(diagnostics);
        TestCompilation.AssertClean(output, $"the generated metrics on {targetFramework}");
        var text = string.Concat(TestCompilation.Result<MetricsGenerator>(driver).GeneratedSources.Select(s => s.SourceText.ToString()));
        Assert.Equal(advised, text.Contains("InstrumentAdvice", StringComparison.Ordinal));
    }

    private static string Undocumented(string source) => "#pragma warning disable CS1591\n" + source;

    private static IEnumerable<MetadataReference> References(string targetFramework)
    {
        IEnumerable<MetadataReference> framework = targetFramework switch
        {
            "net8.0" => Basic.Reference.Assemblies.Net80.References.All,
            "net9.0" => Basic.Reference.Assemblies.Net90.References.All,
            "net10.0" => Basic.Reference.Assemblies.Net100.References.All,
            _ => throw new ArgumentOutOfRangeException(nameof(targetFramework), targetFramework, null),
        };

        // Contrail.Abstractions and Grpc.Core.Api are netstandard2.x assemblies: the same files on every target.
        return framework.Concat(TestCompilation.References.Where(r => Path.GetFileName(r.Display) is "Contrail.Abstractions.dll" or "Grpc.Core.Api.dll"));
    }

    private sealed class GeneratorTest : CSharpSourceGeneratorTest<MetricsGenerator, DefaultVerifier>
    {
        public GeneratorTest(string targetFramework)
        {
            // Explicit references: no reference-assembly package is resolved (there is no network here).
            ReferenceAssemblies = new ReferenceAssemblies(targetFramework);
            TestState.AdditionalReferences.AddRange(References(targetFramework));
        }

        protected override IEnumerable<Type> GetSourceGenerators() => new[] { typeof(MetricsGenerator), typeof(ErrorCatalogGenerator) };

        protected override CompilationOptions CreateCompilationOptions() =>
            ((CSharpCompilationOptions)base.CreateCompilationOptions())
                .WithNullableContextOptions(NullableContextOptions.Enable)
                .WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic>
                {
                    ["CS1701"] = ReportDiagnostic.Suppress,
                    ["CS1702"] = ReportDiagnostic.Suppress,
                });

        protected override ParseOptions CreateParseOptions() =>
            ((CSharpParseOptions)base.CreateParseOptions()).WithLanguageVersion(LanguageVersion.Latest);
    }
}
