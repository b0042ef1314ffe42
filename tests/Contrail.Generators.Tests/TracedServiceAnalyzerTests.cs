using System.Linq;
using Contrail.Generators.TracedServices;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Contrail.Generators.Tests;

public sealed class TracedServiceAnalyzerTests
{
    private const string Usings = """
        using System.Threading.Tasks;
        using Acme.Shop.V1;
        using Contrail;
        using Grpc.Core;

        """;

    public static TheoryData<string, string> Misuse => new()
    {
        {
            "not a gRPC service",
            """
            [{|CTR0001:TracedService|}]
            public sealed class NotAService { }
            """
        },
        {
            "missing member",
            """
            [TracedService]
            public sealed class S : Orders.OrdersBase
            {
                [{|CTR0002:TraceTag("acme.order.id", "OrderIdd")|}]
                public override Task<Order> GetOrder(GetOrderRequest request, ServerCallContext context) => Task.FromResult(new Order());
            }
            """
        },
        {
            "missing nested member",
            """
            [TracedService]
            public sealed class S : Orders.OrdersBase
            {
                [{|CTR0002:TraceTag("acme.customer.zip", "Customer.Address.Zip")|}]
                public override Task<Order> GetOrder(GetOrderRequest request, ServerCallContext context) => Task.FromResult(new Order());
            }
            """
        },
        {
            "message, bytes and repeated members are not recordable",
            """
            [TracedService]
            public sealed class S : Orders.OrdersBase
            {
                [{|CTR0003:TraceTag("acme.customer", nameof(GetOrderRequest.Customer))|}]
                [{|CTR0003:TraceTag("acme.token", nameof(GetOrderRequest.Token))|}]
                [{|CTR0003:TraceTag("acme.labels", nameof(GetOrderRequest.Labels))|}]
                public override Task<Order> GetOrder(GetOrderRequest request, ServerCallContext context) => Task.FromResult(new Order());
            }
            """
        },
        {
            "a path through a scalar",
            """
            [TracedService]
            public sealed class S : Orders.OrdersBase
            {
                [{|CTR0003:TraceTag("acme.length", "OrderId.Length")|}]
                public override Task<Order> GetOrder(GetOrderRequest request, ServerCallContext context) => Task.FromResult(new Order());
            }
            """
        },
        {
            "duplicate and reserved names",
            """
            [TracedService]
            public sealed class S : Orders.OrdersBase
            {
                [TraceTag("acme.order.id", nameof(GetOrderRequest.OrderId))]
                [{|CTR0004:TraceTag("acme.order.id", nameof(GetOrderRequest.PageSize))|}]
                [{|CTR0004:TraceTag("rpc.method", nameof(GetOrderRequest.OrderId))|}]
                public override Task<Order> GetOrder(GetOrderRequest request, ServerCallContext context) => Task.FromResult(new Order());
            }
            """
        },
        {
            "streaming requests",
            """
            [TracedService]
            public sealed class S : Orders.OrdersBase
            {
                [{|CTR0005:TraceTag("acme.order.id", "OrderId")|}]
                public override Task<UploadSummary> UploadOrders(IAsyncStreamReader<Order> requestStream, ServerCallContext context) => Task.FromResult(new UploadSummary());

                [{|CTR0005:TraceTag("acme.text", "Text")|}]
                public override Task Chat(IAsyncStreamReader<ChatMessage> requestStream, IServerStreamWriter<ChatMessage> responseStream, ServerCallContext context) => Task.CompletedTask;
            }
            """
        },
        {
            "attributes outside a traced service",
            """
            public sealed class S : Orders.OrdersBase
            {
                [{|CTR0006:TraceTag("acme.order.id", "OrderId")|}]
                [{|CTR0006:NotTraced|}]
                public override Task<Order> GetOrder(GetOrderRequest request, ServerCallContext context) => Task.FromResult(new Order());
            }

            [TracedService]
            public sealed class T : Orders.OrdersBase
            {
                [{|CTR0006:NotTraced|}]
                public void Helper() { }
            }

            [{|CTR0006:SpanStatus(GrpcStatusCode.NotFound)|}]
            public sealed class U : Orders.OrdersBase
            {
            }
            """
        },
        {
            "abstract, generic and private services",
            """
            [{|CTR0007:TracedService|}]
            public abstract class A : Orders.OrdersBase { }

            [{|CTR0007:TracedService|}]
            public sealed class G<T> : Orders.OrdersBase { }

            public static class Outer
            {
                [{|CTR0007:TracedService|}]
                private sealed class P : Orders.OrdersBase { }
            }

            [{|CTR0007:TracedService|}]
            public sealed class Q : Orders.OrdersBase { }

            public sealed class QContrailInterceptor { }
            """
        },
        {
            "invalid attribute names",
            """
            [TracedService]
            public sealed class S : Orders.OrdersBase
            {
                [{|CTR0008:TraceTag("", nameof(GetOrderRequest.OrderId))|}]
                [{|CTR0008:TraceTag("acme order", nameof(GetOrderRequest.PageSize))|}]
                [{|CTR0008:TraceTag("acme..order", nameof(GetOrderRequest.Discount))|}]
                public override Task<Order> GetOrder(GetOrderRequest request, ServerCallContext context) => Task.FromResult(new Order());
            }
            """
        },
        {
            "span status overrides",
            """
            [TracedService]
            [{|CTR0009:SpanStatus(GrpcStatusCode.OK)|}]
            [SpanStatus(GrpcStatusCode.NotFound)]
            [{|CTR0009:SpanStatus(GrpcStatusCode.NotFound, IsError = false)|}]
            [{|CTR0009:SpanStatus((GrpcStatusCode)42)|}]
            public sealed class S : Orders.OrdersBase
            {
            }
            """
        },
    };

    public static TheoryData<string, string> Correct => new()
    {
        {
            "scalars, enums, optional and nested members",
            """
            [TracedService]
            [SpanStatus(GrpcStatusCode.NotFound)]
            [SpanStatus(GrpcStatusCode.Cancelled, IsError = false)]
            public sealed class S : Orders.OrdersBase
            {
                [TraceTag("acme.order.id", nameof(GetOrderRequest.OrderId))]
                [TraceTag("acme.order.include_items", nameof(GetOrderRequest.IncludeItems))]
                [TraceTag("acme.order.page_size", nameof(GetOrderRequest.PageSize))]
                [TraceTag("acme.order.version", nameof(GetOrderRequest.Version))]
                [TraceTag("acme.order.discount", nameof(GetOrderRequest.Discount))]
                [TraceTag("acme.customer.tier", "Customer.Tier")]
                [TraceTag("acme.customer.country", "Customer.Address.Country")]
                [SpanStatus(GrpcStatusCode.NotFound, IsError = false)]
                public override Task<Order> GetOrder(GetOrderRequest request, ServerCallContext context) => Task.FromResult(new Order());

                [NotTraced]
                public override Task<HealthCheckResponse> Check(HealthCheckRequest request, ServerCallContext context) => Task.FromResult(new HealthCheckResponse());
            }
            """
        },
        {
            "a service deriving through an intermediate base",
            """
            [SpanStatus(GrpcStatusCode.NotFound)]
            public abstract class ServiceBase : Orders.OrdersBase
            {
                [TraceTag("acme.order.id", nameof(GetOrderRequest.OrderId))]
                public override Task<Order> GetOrder(GetOrderRequest request, ServerCallContext context) => Task.FromResult(new Order());
            }

            [TracedService]
            internal sealed class S : ServiceBase
            {
                [TraceTag("acme.customer.id", nameof(WatchOrdersRequest.CustomerId))]
                public override Task WatchOrders(WatchOrdersRequest request, IServerStreamWriter<Order> responseStream, ServerCallContext context) => Task.CompletedTask;
            }
            """
        },
        {
            "a concrete, unsealed base class whose attributes the traced service inherits",
            """
            [SpanStatus(GrpcStatusCode.NotFound)]
            public class ConcreteBase : Orders.OrdersBase
            {
                [TraceTag("acme.order.id", nameof(GetOrderRequest.OrderId))]
                public override Task<Order> GetOrder(GetOrderRequest request, ServerCallContext context) => Task.FromResult(new Order());
            }

            [TracedService]
            public sealed class Derived : ConcreteBase { }
            """
        },
        {
            "a nested internal service and ordinary methods without attributes",
            """
            public static class Outer
            {
                [TracedService]
                internal sealed class S : Orders.OrdersBase
                {
                    public void Helper() { }
                }
            }
            """
        },
    };

    [Theory]
    [MemberData(nameof(Misuse))]
    public void Misuse_is_reported_where_it_is_written(string description, string markup)
    {
        var (source, expected) = Markup.Parse(Usings + markup);
        var compilation = TestCompilation.Create(source);
        var compileErrors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(compileErrors.Count == 0, description + ": " + string.Join("\n", compileErrors.Select(TestCompilation.Format)));

        var actual = TestCompilation.Analyze(compilation, new TracedServiceAnalyzer())
            .Select(d => (d.Id, d.Location.SourceSpan))
            .OrderBy(d => d.SourceSpan.Start).ThenBy(d => d.Id)
            .ToList();

        Assert.Equal(expected.OrderBy(d => d.Span.Start).ThenBy(d => d.Id).Select(d => $"{d.Id} {source.Substring(d.Span.Start, d.Span.Length)}"),
            actual.Select(d => $"{d.Id} {source.Substring(d.SourceSpan.Start, d.SourceSpan.Length)}"));

        // The generator must neither crash nor emit for what the analyzer rejects.
        var (_, _, generatorDiagnostics) = TestCompilation.RunGenerator(compilation);
        Assert.Empty(generatorDiagnostics);
    }

    [Theory]
    [MemberData(nameof(Correct))]
    public void Correct_code_reports_nothing_and_generates_compiling_code(string description, string source)
    {
        var compilation = TestCompilation.Create(Usings + source);
        TestCompilation.AssertClean(compilation, description);

        Assert.Empty(TestCompilation.Analyze(compilation, new TracedServiceAnalyzer()));

        var (_, output, generatorDiagnostics) = TestCompilation.RunGenerator(compilation);
        Assert.Empty(generatorDiagnostics);
        TestCompilation.AssertClean(output, description + " (generated)");
    }

    [Fact]
    public void Messages_name_the_problem()
    {
        var compilation = TestCompilation.Create(Usings + """
            [TracedService]
            public sealed class S : Orders.OrdersBase
            {
                [TraceTag("acme.customer.zip", "Customer.Address.Zip")]
                [TraceTag("acme.customer", nameof(GetOrderRequest.Customer))]
                public override Task<Order> GetOrder(GetOrderRequest request, ServerCallContext context) => Task.FromResult(new Order());
            }

            [TracedService]
            public sealed class NotAService { }
            """);

        var messages = TestCompilation.Analyze(compilation, new TracedServiceAnalyzer())
            .OrderBy(d => d.Location.SourceSpan.Start)
            .Select(d => $"{d.Id}: {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}")
            .ToList();

        Assert.Equal(new[]
        {
            "CTR0002: 'Address' has no readable property or field 'Zip' (in member path 'Customer.Address.Zip')",
            "CTR0003: 'Customer' is of type 'Acme.Shop.V1.Customer', which cannot be a span attribute; record a string, bool, number or enum member, or a nested message's member with a dotted path",
            "CTR0001: 'NotAService' is marked [TracedService] but does not derive from a gRPC service base class (a class generated by Grpc.Tools that carries [BindServiceMethod])",
        }, messages);
    }

    [Fact]
    public void Without_grpc_a_traced_class_is_reported_and_nothing_crashes()
    {
        // No gRPC assembly at all: neither the real runtime nor the Grpc.Tools-generated protos.
        var references = TestCompilation.References.Where(r => System.IO.Path.GetFileName(r.Display ?? string.Empty) is var name
            && !name.StartsWith("Grpc.", System.StringComparison.Ordinal)
            && name != "Contrail.Testing.Protos.dll");
        var compilation = TestCompilation.Create("""
            [Contrail.TracedService]
            public sealed class Lonely { }
            """, references: references);

        var diagnostics = TestCompilation.Analyze(compilation, new TracedServiceAnalyzer());
        Assert.Equal("CTR0001", Assert.Single(diagnostics).Id);

        var (driver, _, generatorDiagnostics) = TestCompilation.RunGenerator(compilation);
        Assert.Empty(generatorDiagnostics);
        Assert.Empty(TestCompilation.GeneratedSources(driver));
    }
}
