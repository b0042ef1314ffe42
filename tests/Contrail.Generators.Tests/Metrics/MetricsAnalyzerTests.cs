using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Contrail.Generators.Metrics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace Contrail.Generators.Tests.Metrics;

public sealed class MetricsAnalyzerTests
{
    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.Diagnostics.Metrics;
        using Contrail;

        public enum Method { Card, Wallet }

        """;

    public static TheoryData<string, string> Misuse => new()
    {
        {
            "instrument names",
            """
            [Meter("m")]
            public static partial class M
            {
                [{|CTR3001:Counter("1orders")|}] public static partial void A();
                [{|CTR3001:Counter("acme orders")|}] public static partial void B();
                [{|CTR3001:Counter("")|}] public static partial void C();
                [{|CTR3002:Counter("Acme.Orders")|}] public static partial void D();
                [{|CTR3002:Counter("orders")|}] public static partial void E();
                [Counter("acme.shop.orders_total")] public static partial void F();
            }
            """
        },
        {
            "units",
            """
            [Meter("m")]
            public static partial class M
            {
                [{|CTR3003:Histogram("acme.a", Unit = "seconds")|}] public static partial void A(double v);
                [{|CTR3003:Counter("acme.b", Unit = "orders")|}] public static partial void B();
                [Counter("acme.c", Unit = "{request}/s")] public static partial void C();
                [Histogram("acme.d", Unit = "By")] public static partial void D(long size);
            }
            """
        },
        {
            "duplicate instrument names in a meter",
            """
            [Meter("m")]
            public static partial class M
            {
                [Counter("acme.a")] public static partial void A();
                [{|CTR3004:Counter("acme.a")|}] public static partial void B(Method method);
            }
            [Meter("m")]
            public static partial class N
            {
                [{|CTR3004:Histogram("acme.a")|}] public static partial void A(double v);
            }
            [Meter("other")]
            public static partial class O
            {
                [Counter("acme.a")] public static partial void A();
            }
            """
        },
        {
            "tag names",
            """
            [Meter("m")]
            public static partial class M
            {
                [Counter("acme.a")] public static partial void A([{|CTR3005:Tag("Region")|}] string region, string paymentMethod);
                [Counter("acme.b")] public static partial void {|CTR3006:B|}([Tag("acme.region")] string a, [Tag("acme.region")] string b);
                [Counter("acme.c")] public static partial void C([Tag("acme.shop.region")] string region, Method method);
            }
            """
        },
        {
            "measurement and tag types",
            """
            [Meter("m")]
            public static partial class M
            {
                [Counter("acme.a")] public static partial void A([Measurement] string {|CTR3007:count|});
                [Histogram("acme.b")] public static partial void B(double seconds, double {|CTR3008:ratio|}, object {|CTR3008:thing|});
                [Counter("acme.c")] public static partial void C(int? {|CTR3008:shard|});
                [Counter("acme.d")] public static partial void D(long count, sbyte a, ushort b, uint c, ulong d, bool e, Method f);
            }
            """
        },
        {
            "methods that cannot be generated",
            """
            [Meter("m")]
            public static partial class M
            {
                [Counter("acme.a")] public static void {|CTR3009:A|}() { }
                [Counter("acme.b")] public static partial void {|CTR3009:B|}<T>();
                [Counter("acme.c")] static partial void {|CTR3009:C|}();
                static partial void C() { }
                [Counter("acme.d")] public static partial void {|CTR3009:D|}(ref int count);
                [Counter("acme.e")] [Histogram("acme.f")] public static partial void {|CTR3009:E|}(int count);
                [ObservableGauge("acme.g")] public static partial void {|CTR3009:G|}(int value);
                [ObservableGauge("acme.h")] public static partial ObservableCounter<int> {|CTR3009:H|}(Func<int> observe);
            }
            [Meter("n")]
            public partial class N
            {
                [Counter("acme.i")] public static partial void {|CTR3009:I|}();
            }
            """
        },
        {
            "classes that cannot be generated",
            """
            [Meter("m")] public static class {|CTR3010:A|} { }
            [Meter("m")] public static partial class {|CTR3010:B|}<T> { }
            public static partial class Outer { [Meter("m")] public static partial class {|CTR3010:C|} { } }
            [Meter("m")] public partial class {|CTR3010:D|} { public D() { } }
            [Meter(" ")] public static partial class {|CTR3010:E|} { }
            """
        },
        {
            "histogram buckets",
            """
            [Meter("m")]
            public static partial class M
            {
                [{|CTR3011:Histogram("acme.a", Buckets = new[] { 0.1, 0.5, 0.5, 1 })|}] public static partial void A(double v);
                [{|CTR3011:Histogram("acme.b", Buckets = new[] { 1, 0.5 })|}] public static partial void B(double v);
                [{|CTR3011:Histogram("acme.c", Buckets = new[] { 1, 2.5 })|}] public static partial void C(int v);
                [{|CTR3011:Histogram("acme.d", Buckets = new[] { 1, double.PositiveInfinity })|}] public static partial void D(double v);
                [{|CTR3011:Histogram("acme.e", Buckets = new double[0])|}] public static partial void E(double v);
                [Histogram("acme.f", Buckets = new double[] { 1, 2, 5 })] public static partial void F(byte v);
            }
            """
        },
        {
            "likely unbounded tags",
            """
            [Meter("m")]
            public static partial class M
            {
                [Counter("acme.a")] public static partial void A(string {|CTR3012:userId|}, Guid {|CTR3012:token|}, long {|CTR3012:id|});
                [Counter("acme.b")] public static partial void B([Tag("acme.user.id")] string {|CTR3012:user|}, string region, string idea);
                [Counter("acme.c")] public static partial void C([Tag(Bounded = true)] string tenantId, [Tag("acme.token", Bounded = true)] Guid token);
            }
            """
        },
        {
            "missing measurement",
            """
            [Meter("m")]
            public static partial class M
            {
                [Histogram("acme.a")] public static partial void {|CTR3013:A|}(Method method);
                [Gauge("acme.b")] public static partial void {|CTR3013:B|}([Tag] int level);
                [Counter("acme.c")] public static partial void C([Measurement] int a, [Measurement] int {|CTR3013:b|});
                [Counter("acme.d")] public static partial void D(Method method, [Measurement] long count);
            }
            """
        },
        {
            "instrument attributes outside a meter class",
            """
            public static partial class P
            {
                [{|CTR3015:Counter("acme.a")|}] static partial void A();
            }
            """
        },
    };

    [Theory]
    [MemberData(nameof(Misuse))]
    public void Misuse_is_reported_where_it_is_written(string description, string markup)
    {
        var (source, expected) = Markup.Parse(Usings + markup);

        // The analyzer sees what the build sees: the user's code with the generated implementations.
        var (_, output, generatorDiagnostics) = TestCompilation.RunGenerator(TestCompilation.Create(source));
        Assert.Empty(generatorDiagnostics);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error && d.Location.SourceTree?.FilePath.EndsWith(".g.cs", System.StringComparison.Ordinal) == true));

        var actual = TestCompilation.Analyze(output, new MetricsAnalyzer())
            .OrderBy(d => d.Location.SourceSpan.Start).ThenBy(d => d.Id)
            .Select(d => $"{d.Id} {source.Substring(d.Location.SourceSpan.Start, d.Location.SourceSpan.Length)}");

        Assert.Equal(expected.OrderBy(d => d.Span.Start).ThenBy(d => d.Id).Select(d => $"{d.Id} {source.Substring(d.Span.Start, d.Span.Length)}"), actual);
        _ = description;
    }

    [Fact]
    public void A_method_with_errors_gets_an_inert_body_so_the_build_stops_on_the_Contrail_error_not_CS8795()
    {
        // The compiler runs no analyzer on a compilation with errors: a missing implementation part
        // (CS8795) would hide the reason.
        var source = Usings + """
            [Meter("m")]
            public static partial class M
            {
                [Histogram("acme.a", Buckets = new[] { 1, 0.5 })] public static partial void A(double v);
                [Counter("acme.b")] public static partial void B(double share, object thing);
                [Gauge("acme.c")] public static partial void C(Method method);
                [ObservableGauge("acme.d")] public static partial ObservableGauge<int> D(int notACallback);
                [Counter("1 bad name")] [Histogram("acme.e")] public static partial void E();
            }
            [Meter("n")]
            public partial class N
            {
                public N() { }
                [Counter("acme.f")] public partial void F(int count);
            }
            """;

        var (_, output, generatorDiagnostics) = TestCompilation.RunGenerator(TestCompilation.Create(source));

        Assert.Empty(generatorDiagnostics);
        TestCompilation.AssertClean(output, "the input with the inert bodies");
        var reported = TestCompilation.Analyze(output, new MetricsAnalyzer()).Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.Id).Distinct().OrderBy(id => id, System.StringComparer.Ordinal);
        Assert.Equal(new[] { "CTR3008", "CTR3009", "CTR3010", "CTR3011", "CTR3013" }, reported);
        // Instruments with errors are not part of the telemetry contract.
        var manifest = TestCompilation.Result<MetricsGenerator>(TestCompilation.RunGenerator(TestCompilation.Create(source)).Driver)
            .GeneratedSources.Single(g => g.HintName == MetricsEmitter.ManifestHintName).SourceText.ToString();
        Assert.Contains("MetricsManifest(\"{\\\"version\\\":1,\\\"instruments\\\":[]}\")", manifest);
    }

    [Fact]
    public void Correct_meter_classes_report_nothing()
    {
        var (_, output, _) = TestCompilation.RunGenerator(TestCompilation.Create(new[] { MetricsSources.ShopMetrics, MetricsSources.InventoryMetrics }));
        TestCompilation.AssertClean(output, "the input with the generated code");

        Assert.Empty(TestCompilation.Analyze(output, new MetricsAnalyzer()));
    }

    [Fact]
    public void Messages_name_the_problem()
    {
        var source = Usings + """
            [Meter("m")]
            public static partial class M
            {
                [Histogram("acme.checkout.duration", Unit = "seconds", Buckets = new[] { 1, 0.5 })] public static partial void A(double v, string customerId);
                [Counter("acme.a")] public static partial void B(double ratio, double share);
                [Counter("acme.a")] public static partial void C([Tag("a.b")] string a, [Tag("a.b")] string b);
                [Histogram("acme.b")] public static partial void D(Method method);
            }
            """;
        var (_, output, _) = TestCompilation.RunGenerator(TestCompilation.Create(source));

        var messages = TestCompilation.Analyze(output, new MetricsAnalyzer())
            .OrderBy(d => d.Location.SourceSpan.Start).ThenBy(d => d.Id)
            .Select(d => $"{d.Id}: {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}");

        Assert.Equal(new[]
        {
            "CTR3003: The unit 'seconds' of 'A' is not a UCUM unit: use 's'",
            "CTR3011: The buckets of 'A' are not strictly ascending: 0.5 follows 1",
            "CTR3012: The tag 'customer_id' of 'A' is likely unbounded (its name says it holds identifiers): every distinct value is a new time series; record a bounded value, or mark it [Tag(Bounded = true)] if its values are few",
            "CTR3008: 'share' is of type 'double', which cannot be a tag: use string, bool, an integral type, an enum, Guid or a [MetricTags] type",
            "CTR3004: The instrument 'acme.a' is already declared by 'M.B' in meter 'm'",
            "CTR3006: The tag 'a.b' is recorded twice by 'C'",
            "CTR3013: 'D' is a histogram and needs a measurement: make the first parameter numeric (byte, short, int, long, float, double or decimal) or mark one [Measurement]",
        }, messages);
    }

    [Theory]
    [InlineData(null, new[] { "CTR3012 user_id", "CTR3012 session_key" }, "the default pattern knows 'id', not 'key': the Guid is reported for its type")]
    [InlineData("(^|_)(id|key)$", new[] { "CTR3012 user_id", "CTR3012 session_key" }, "a configured pattern")]
    [InlineData("none", new[] { "CTR3012 session_key" }, "no name pattern: only the Guid is reported")]
    public async Task The_unbounded_tag_name_pattern_comes_from_editorconfig(string? pattern, string[] expected, string because)
    {
        var source = Usings + """
            [Meter("m")]
            public static partial class M
            {
                [Counter("acme.a")] public static partial void A(string userId, Guid sessionKey, string region);
            }
            """;
        var (_, output, _) = TestCompilation.RunGenerator(TestCompilation.Create(source));
        var options = new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, new ConfigOptions(pattern is null
            ? new Dictionary<string, string>()
            : new Dictionary<string, string> { [MetricsAnalyzer.UnboundedTagPatternKey] = pattern }));

        var diagnostics = await output.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new MetricsAnalyzer()), options).GetAnalyzerDiagnosticsAsync();

        var actual = diagnostics.OrderBy(d => d.Location.SourceSpan.Start)
            .Select(d => $"{d.Id} {d.GetMessage().Split('\'')[1]}");
        Assert.Equal(expected, actual);
        _ = because;
    }

    private sealed class ConfigOptions : AnalyzerConfigOptionsProvider
    {
        private readonly Options _options;

        public ConfigOptions(Dictionary<string, string> values) => _options = new Options(values);

        public override AnalyzerConfigOptions GlobalOptions => _options;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => _options;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => _options;

        private sealed class Options : AnalyzerConfigOptions
        {
            private readonly Dictionary<string, string> _values;

            public Options(Dictionary<string, string> values) => _values = values;

            public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value) => _values.TryGetValue(key, out value);
        }
    }
}
