using System.Linq;
using Contrail.Generators.Errors;
using Contrail.Generators.TracedServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace Contrail.Generators.Tests;

/// <summary>Half-typed and wrong code, as the IDE sees it mid-edit: no generator or analyzer may throw.</summary>
public sealed class RobustnessTests
{
    public static TheoryData<string> BrokenSources => new()
    {
        "[Contrail.TracedService(] public sealed class S : Acme.Shop.V1.Orders.OrdersBase { }",
        "[Contrail.TracedService] public sealed class S : Acme.Shop.V1.Orders.OrdersBase { [Contrail.TraceTag()] public override System.Threading.Tasks.Task<Acme.Shop.V1.Order> GetOrder(Acme.Shop.V1.GetOrderRequest r, Grpc.Core.ServerCallContext c) => null!; }",
        "[Contrail.TracedService] public sealed class S : Acme.Shop.V1.Orders.OrdersBase { [Contrail.TraceTag(null, null)] public override System.Threading.Tasks.Task<Acme.Shop.V1.Order> GetOrder(Acme.Shop.V1.GetOrderRequest r, Grpc.Core.ServerCallContext c) => null!; }",
        "[Contrail.TracedService] public sealed class S : Acme.Shop.V1.Orders.OrdersBase { [Contrail.TraceTag(\"a.b\", \"\")] [Contrail.TraceTag(\"a.c\", \".\")] [Contrail.TraceTag(\"a.d\", \"Customer..Id\")] public override System.Threading.Tasks.Task<Acme.Shop.V1.Order> GetOrder(Acme.Shop.V1.GetOrderRequest r, Grpc.Core.ServerCallContext c) => null!; }",
        "[Contrail.TracedService] public sealed class S : Missing.Base { }",
        "[Contrail.TracedService] public sealed partial class S : Acme.Shop.V1.Orders.OrdersBase { } public sealed partial class S { }",
        "[Contrail.TracedService] public sealed class S : Acme.Shop.V1.Orders.OrdersBase { public override System.Threading.Tasks.Task<Acme.Shop.V1.Order> GetOrder(",
        "[Contrail.GrpcError] public sealed class E : System.Exception { }",
        "[Contrail.GrpcError((Contrail.GrpcStatusCode)5, null)] public sealed class E : System.Exception { }",
        "[Contrail.GrpcError(Contrail.GrpcStatusCode.NotFound, \"A_B\", Domain = null, Message = \"{\")] public sealed class E : System.Exception { [Contrail.ErrorMetadata(null)] public string X { get; } = \"\"; }",
        "[assembly: Contrail.ErrorDomain(null)] [Contrail.GrpcError(Contrail.GrpcStatusCode.NotFound, \"A_B\", Message = \"{}{x}}{{y}\")] public sealed class E : System.Exception { [Contrail.ErrorMetadata(\"x\")] public int? X { get; } }",
        "public enum P { [Contrail.GrpcError(Contrail.GrpcStatusCode.Internal, \"P_Q\")] A = ",
        "[Contrail.Meter(] public static partial class M { }",
        "[Contrail.Meter(null)] public static partial class M { [Contrail.Counter(null, Unit = null)] public static partial void A(); }",
        "[Contrail.Meter(\"m\")] public static partial class M { [Contrail.Histogram(\"a.b\", Buckets = new double[0])] public static partial void A(double v, [Contrail.Tag(null)] string s); [Contrail.Counter(\"a.c\")] public static partial void B(",
        "[Contrail.Meter(\"m\")] public partial class M<T> { [Contrail.ObservableGauge(\"a.b\")] public partial void A(System.Func<Missing> f); [Contrail.Gauge(\"a.c\")] public static partial void B(T t); }",
        "[Contrail.Meter(\"m\")] public static partial class M { [Contrail.Counter(\"a.b\")] public static partial void A(Missing m, [Contrail.Measurement] [Contrail.Measurement] int x); }",
    };

    [Theory]
    [MemberData(nameof(BrokenSources))]
    public async System.Threading.Tasks.Task Generators_and_analyzers_never_throw_on_broken_code(string source)
    {
        var compilation = TestCompilation.Create(source);

        var (_, _, generatorDiagnostics) = TestCompilation.RunGenerator(compilation);
        Assert.DoesNotContain(generatorDiagnostics, d => d.Id is "CS8784" or "CS8785");

        foreach (var analyzer in new Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer[] { new TracedServiceAnalyzer(), new ErrorCatalogAnalyzer(), new Contrail.Generators.Metrics.MetricsAnalyzer() })
        {
            var diagnostics = await compilation.WithAnalyzers(System.Collections.Immutable.ImmutableArray.Create(analyzer))
                .GetAllDiagnosticsAsync();
            Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
        }
    }

    [Fact]
    public void The_telemetry_for_runtimes_without_InstrumentAdvice_compiles()
    {
        // .NET 8 has no InstrumentAdvice<T>: the generator then creates the histogram without advice.
        var telemetry = ServerTelemetryEmitter.EmitTelemetry(hasInstrumentAdvice: false);
        Assert.DoesNotContain("#define " + ServerTelemetryEmitter.InstrumentAdviceSymbol, telemetry);

        var input = TestCompilation.Create(new[] { Sources.OrderService, Sources.Host }, LanguageVersion.CSharp10);
        var (driver, _, _) = TestCompilation.RunGenerator(input);

        // Everything the generator wrote, with the telemetry swapped for the no-advice version.
        var parseOptions = (CSharpParseOptions)input.SyntaxTrees.First().Options;
        var generated = TestCompilation.GeneratedSources(driver)
            .Where(s => s.HintName != ServerTelemetryEmitter.TelemetryHintName)
            .Select(s => CSharpSyntaxTree.ParseText(s.SourceText, parseOptions, s.HintName))
            .Append(CSharpSyntaxTree.ParseText(telemetry, parseOptions, ServerTelemetryEmitter.TelemetryHintName));

        TestCompilation.AssertClean(input.AddSyntaxTrees(generated), "the generated code with the no-advice telemetry");
    }
}
