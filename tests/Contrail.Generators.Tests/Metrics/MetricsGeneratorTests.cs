using System.Linq;
using Contrail.Generators.Metrics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace Contrail.Generators.Tests.Metrics;

public sealed class MetricsGeneratorTests
{
    public static TheoryData<string, string[]> Cases => new()
    {
        { "ShopMetrics", new[] { MetricsSources.ShopMetrics } },
        { "InventoryMetrics", new[] { MetricsSources.InventoryMetrics } },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Output_matches_the_expected_files(string caseName, string[] source)
    {
        var input = TestCompilation.Create(source);
        var (driver, output, diagnostics) = TestCompilation.RunGenerator(input);

        Assert.Empty(diagnostics);
        TestCompilation.AssertClean(output, "the generated code must compile without warnings");
        var generated = TestCompilation.Result<MetricsGenerator>(driver).GeneratedSources;
        Assert.Equal(3, generated.Length);
        foreach (var file in generated.Where(f => f.HintName != MetricsEmitter.TagValuesHintName))
        {
            Snapshot.Match("Metrics/" + caseName, file.HintName, file.SourceText.ToString(), SnapshotRoot());
        }
    }

    [Theory]
    [InlineData(LanguageVersion.CSharp10, NullableContextOptions.Enable)]
    [InlineData(LanguageVersion.CSharp10, NullableContextOptions.Disable)]
    [InlineData(LanguageVersion.Latest, NullableContextOptions.Enable)]
    [InlineData(LanguageVersion.Latest, NullableContextOptions.Disable)]
    public void Output_compiles_warning_free_under_the_users_settings(LanguageVersion languageVersion, NullableContextOptions nullable)
    {
        // Under C# 10 the nullable annotation in InventoryMetrics is the user's own warning when nullable is off.
        var inventory = nullable == NullableContextOptions.Disable
            ? MetricsSources.InventoryMetrics.Replace("string? skuClass", "string skuClass")
            : MetricsSources.InventoryMetrics;
        var input = TestCompilation.Create(new[] { MetricsSources.ShopMetrics, inventory }, languageVersion, nullable);

        var (driver, output, diagnostics) = TestCompilation.RunGenerator(input);

        Assert.Empty(diagnostics);
        Assert.Equal(4, TestCompilation.Result<MetricsGenerator>(driver).GeneratedSources.Length);
        TestCompilation.AssertClean(output, $"generated code under C# {languageVersion} with nullable {nullable}");
    }

    [Fact]
    public void An_unrelated_edit_leaves_every_step_cached()
    {
        var input = TestCompilation.Create(new[] { MetricsSources.ShopMetrics, MetricsSources.InventoryMetrics });
        var (driver, _, _) = TestCompilation.RunGenerator(input);

        var edited = input.AddSyntaxTrees(CSharpSyntaxTree.ParseText(
            "internal static class Unrelated { public static int Answer => 42; }",
            (CSharpParseOptions)input.SyntaxTrees.First().Options));
        driver = driver.RunGenerators(edited);

        var result = TestCompilation.Result<MetricsGenerator>(driver);
        foreach (var name in new[] { MetricsGenerator.TrackingNames.MeterClasses, MetricsGenerator.TrackingNames.HasManifestAttribute, MetricsGenerator.TrackingNames.Manifest })
        {
            Assert.True(result.TrackedSteps.ContainsKey(name), $"step {name} was not tracked");
            Assert.All(result.TrackedSteps[name].SelectMany(s => s.Outputs),
                output => Assert.True(output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"step {name} ran again: {output.Reason}"));
        }

        Assert.All(result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs),
            output => Assert.Equal(IncrementalStepRunReason.Cached, output.Reason));
    }

    [Fact]
    public void Editing_one_meter_class_regenerates_it_and_the_manifest_only()
    {
        var input = TestCompilation.Create(new[] { MetricsSources.ShopMetrics, MetricsSources.InventoryMetrics });
        var (driver, _, _) = TestCompilation.RunGenerator(input);

        var tree = input.SyntaxTrees.Last();
        var newText = tree.GetText().ToString().Replace("Restocks received.", "Restocks received from suppliers.");
        driver = driver.RunGenerators(input.ReplaceSyntaxTree(tree, tree.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From(newText))));

        var result = TestCompilation.Result<MetricsGenerator>(driver);
        var reasons = result.TrackedSteps[MetricsGenerator.TrackingNames.MeterClasses].SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();
        Assert.Contains(IncrementalStepRunReason.Modified, reasons);
        Assert.Contains(reasons, r => r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged);
        Assert.Contains("Restocks received from suppliers.", TestCompilation.GeneratedSources(driver).Single(s => s.HintName == MetricsEmitter.ManifestHintName).SourceText.ToString());
    }

    [Fact]
    public void The_manifest_is_the_same_whatever_the_declaration_order()
    {
        var (first, _, _) = TestCompilation.RunGenerator(TestCompilation.Create(new[] { MetricsSources.ShopMetrics, MetricsSources.InventoryMetrics }));
        var (second, _, _) = TestCompilation.RunGenerator(TestCompilation.Create(new[] { MetricsSources.InventoryMetrics, MetricsSources.ShopMetrics }));

        string Manifest(GeneratorDriver driver) => TestCompilation.GeneratedSources(driver).Single(s => s.HintName == MetricsEmitter.ManifestHintName).SourceText.ToString();
        Assert.Equal(Manifest(first), Manifest(second));
        Snapshot.Match("Metrics/Manifest", "manifest.json", callerPath: SnapshotRoot(), actual: MetricsEmitter.ManifestJson(new[]
        {
            (MeterClassModel)TestCompilation.Result<MetricsGenerator>(first).TrackedSteps[MetricsGenerator.TrackingNames.MeterClasses][0].Outputs[0].Value,
            (MeterClassModel)TestCompilation.Result<MetricsGenerator>(first).TrackedSteps[MetricsGenerator.TrackingNames.MeterClasses][1].Outputs[0].Value,
        }) + "\n");
    }

    /// <summary>A path in the project's root folder, so expected files go under the shared Snapshots/ folder.</summary>
    private static string SnapshotRoot([System.Runtime.CompilerServices.CallerFilePath] string path = "") =>
        System.IO.Path.Combine(System.IO.Path.GetDirectoryName(System.IO.Path.GetDirectoryName(path)!)!, "Snapshot.cs");

    [Theory]
    [InlineData("keywords as namespace, class, method and parameter names", """
        namespace @event.@class
        {
            public enum @enum { @default, @case }

            [Contrail.Meter("m")]
            public sealed partial class @class
            {
                [Contrail.Counter("acme.a")] public partial void @void(int @int, string @string, @enum @enum);
                [Contrail.ObservableGauge("acme.b")] public partial void @base(System.Func<long> @delegate);
            }
        }
        """)]
    [InlineData("parameters named like the generated locals, and overloads", """
        [Contrail.Meter("m")]
        public static partial class GlobalMetrics
        {
            [Contrail.Counter("acme.a")] public static partial void Placed(string contrailTags, string contrailInstrument, string contrailTags_);
            [Contrail.Counter("acme.b")] public static partial void Placed();
            [Contrail.Histogram("acme.c", Buckets = new double[] { 1, 2 })] public static partial void Sized(decimal size, bool contrailInstrument);
            [Contrail.Histogram("acme.d", Buckets = new double[] { 0.5, 2 })] public static partial void Scaled(float factor);
            [Contrail.Histogram("acme.e", Buckets = new double[] { 1, 200 })] public static partial void Small(byte value, short shard, ulong big, sbyte tiny, ushort u, uint ui);
        }
        """)]
    [InlineData("nine tags and a [MetricTags] class with fields", """
        namespace Acme
        {
            [Contrail.MetricTags] public sealed class Where { public string Region = ""; public string? Zone { get; init; } internal string Hidden = ""; public static string Static = ""; }

            [Contrail.Meter("m")]
            internal static partial class Nine
            {
                [Contrail.Counter("acme.nine")] internal static partial void Nine9(string a, string b, string c, string d, string e, string f, string g, Where where);
            }
        }
        """)]
    public void Edge_cases_compile_warning_free(string description, string source)
    {
        var input = TestCompilation.Create(source);
        Assert.Empty(input.SyntaxTrees.Single().GetDiagnostics());

        var (_, output, diagnostics) = TestCompilation.RunGenerator(input);

        Assert.Empty(diagnostics);
        TestCompilation.AssertClean(output, description);
        Assert.Empty(TestCompilation.Analyze(output, new MetricsAnalyzer()).Where(d => d.Severity == DiagnosticSeverity.Error));
    }

    [Theory]
    [InlineData("method", "method")]
    [InlineData("paymentMethod", "payment_method")]
    [InlineData("HTTPStatus", "http_status")]
    [InlineData("orderID", "order_id")]
    [InlineData("region2Code", "region2_code")]
    [InlineData("already_snake", "already_snake")]
    public void Tag_names_come_from_parameter_names_in_snake_case(string parameter, string tag) =>
        Assert.Equal(tag, MetricNamingRules.SnakeCase(parameter));

    [Theory]
    [InlineData("s", null)]
    [InlineData("By/s", null)]
    [InlineData("{request}", null)]
    [InlineData("{request}/s", null)]
    [InlineData("By{compressed}", null)]
    [InlineData("1", null)]
    [InlineData("seconds", "use 's'")]
    [InlineData("bytes", "use 'By'")]
    [InlineData("orders", "'orders' is not a known unit; use a UCUM unit such as 's', 'ms', 'By' or '1', or an annotation in braces for a count, such as '{orders}'")]
    [InlineData("per second", "a unit is at most 63 printable ASCII characters without spaces")]
    public void Units_are_checked_against_UCUM(string unit, string? problem) =>
        Assert.Equal(problem, MetricNamingRules.UnitProblem(unit));
}
