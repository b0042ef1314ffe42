using System.Collections.Generic;
using System.Linq;
using static Contrail.Generators.Tests.Fuzzing.FuzzText;

namespace Contrail.Generators.Tests.Fuzzing;

/// <summary>
/// Writes <c>[TracedService]</c> gRPC services over the Grpc.Tools bases of Contrail.Testing.Protos, with
/// <c>[TraceTag]</c>, <c>[NotTraced]</c> and <c>[SpanStatus]</c> as docs/traced-services.md describes, mutated.
/// </summary>
internal static class TracedServiceDeclarations
{
    /// <summary>An RPC of a service base: its C# signature and the request members a tag can name.</summary>
    private sealed record Rpc(string Signature, string[] Paths);

    private sealed record ServiceBase(string Name, Rpc[] Rpcs);

    private static readonly ServiceBase[] s_bases =
    {
        new("Orders.OrdersBase", new[]
        {
            new Rpc("Task<Order> GetOrder(GetOrderRequest request, ServerCallContext context)", new[] { "OrderId", "Customer.Tier", "Customer.Address.Country", "Customer.Id", "IncludeItems", "PageSize", "Version", "Discount", "nameof(GetOrderRequest.OrderId)" }),
            new Rpc("Task WatchOrders(WatchOrdersRequest request, IServerStreamWriter<Order> responseStream, ServerCallContext context)", new[] { "CustomerId", "Count" }),
            new Rpc("Task<UploadSummary> UploadOrders(IAsyncStreamReader<Order> requestStream, ServerCallContext context)", new[] { "OrderId" }),
            new Rpc("Task Chat(IAsyncStreamReader<ChatMessage> requestStream, IServerStreamWriter<ChatMessage> responseStream, ServerCallContext context)", new[] { "Text" }),
            new Rpc("Task<HealthCheckResponse> Check(HealthCheckRequest request, ServerCallContext context)", new[] { "Serving" }),
        }),
        new("Inventory.InventoryBase", new[]
        {
            new Rpc("Task<ReserveReply> Reserve(ReserveRequest request, ServerCallContext context)", new[] { "Sku", "Quantity" }),
        }),
        new("global::Shop.Greeter.GreeterBase", new[]
        {
            new Rpc("Task<global::Shop.HelloReply> SayHello(global::Shop.HelloRequest request, ServerCallContext context)", new[] { "Name" }),
            new Rpc("Task SayHellos(global::Shop.HelloRequest request, IServerStreamWriter<global::Shop.HelloReply> responseStream, ServerCallContext context)", new[] { "Name" }),
            new Rpc("Task<global::Shop.HelloReply> Collect(IAsyncStreamReader<global::Shop.HelloRequest> requestStream, ServerCallContext context)", new[] { "Name" }),
        }),
    };

    private static readonly string[] s_misusedPaths = MisusedStrings.Concat(new[]
    {
        Literal("Missing"), Literal("Customer"), Literal("Customer.Address"), Literal("Token"), Literal("Labels"), Literal("Customer..Id"), Literal("Customer.Missing"),
        Literal("orderId"), Literal("OrderId.Length"), Literal("Customer.Tier.Value"), Literal("Parser"), Literal("Descriptor"), Literal("HasVersion"), Literal("Customer.Id.Length"),
        Literal("Customer.Address.Country.Length"), "nameof(Order.OrderId)",
    }).ToArray();

    private static readonly string[] s_tagNames = { Literal("acme.order.id"), Literal("acme.customer.tier"), Literal("acme.customer.country"), Literal("acme.request.size") };

    private static readonly string[] s_misusedTagNames = MisusedStrings.Concat(new[]
    {
        Literal("rpc.method"), Literal("rpc.system.name"), Literal("error.type"), Literal("a b"), Literal("x."), Literal(new string('t', 256)), Literal("acme.order.id"),
    }).ToArray();

    private static readonly string[] s_statusCodes = { "GrpcStatusCode.NotFound", "GrpcStatusCode.DeadlineExceeded", "GrpcStatusCode.Cancelled", "GrpcStatusCode.Unavailable" };
    private static readonly string[] s_misusedStatusCodes = { "GrpcStatusCode.OK", "(GrpcStatusCode)99", "(GrpcStatusCode)(-1)", "(GrpcStatusCode)17", "0", "default", "(GrpcStatusCode)int.MinValue", "GrpcStatusCode.NotFound" };

    public static void Write(FuzzRandom r, MisuseSource source)
    {
        source.Use("System", "System.Threading.Tasks", "Acme.Shop.V1", "Contrail", "Grpc.Core");
        var names = new List<string>();
        var count = r.Chance(0.2) ? 2 : 1;
        for (var i = 0; i < count; i++)
        {
            source.Member(Service(r, names));
        }

        if (r.Chance(0.5))
        {
            source.Use("Microsoft.Extensions.DependencyInjection");
            source.Member("internal static class Startup\n{\n    public static void Configure(IServiceCollection services) => services.AddGrpc().AddContrail();\n}");
        }

        if (r.Misuse() && r.Chance(0.2))
        {
            source.Member(r.Pick(
                "public sealed class OrderServiceContrailInterceptor { }",
                "[TracedService]\npublic enum ServiceEnum { A }",
                "[TracedService]\npublic delegate void ServiceDelegate();",
                "public abstract class ServiceBase : Orders.OrdersBase\n{\n    [TraceTag(\"acme.order.id\", \"OrderId\")]\n    [SpanStatus(GrpcStatusCode.NotFound)]\n    public override Task<Order> GetOrder(GetOrderRequest request, ServerCallContext context) => Task.FromResult(new Order());\n}",
                "public sealed class NotAService\n{\n    [TraceTag(\"acme.order.id\", \"OrderId\")]\n    [NotTraced]\n    [SpanStatus(GrpcStatusCode.NotFound)]\n    public Task<Order> GetOrder(GetOrderRequest request, ServerCallContext context) => Task.FromResult(new Order());\n}"));
        }

        if (source.CanAddNamespaces && r.Misuse() && r.Chance(0.3))
        {
            source.MemberInNamespace("Acme.Other", "using System.Threading.Tasks;\nusing Acme.Shop.V1;\nusing Contrail;\nusing Grpc.Core;\n\n" + Service(r, new List<string>()));
        }
    }

    private static string Service(FuzzRandom r, List<string> declared)
    {
        var name = r.Choose(new[] { "OrderService", "InventoryService", "GreeterService" }.Except(declared).ToArray(), declared.Concat(new[] { "@class", "Ünïcode", "OrderServiceContrailInterceptor", "ContrailServerTelemetry", "OrderService" }).ToArray());
        var serviceBase = r.Pick(s_bases);
        var baseName = r.Choose(new[] { serviceBase.Name }, declared.Concat(new[] { "object", "Missing", "ServiceBase", "Orders.OrdersBase, IDisposable", "Orders.OrdersClient" }).ToArray());

        var attributes = new List<string>();
        if (!r.Misuse() || r.Chance(0.5))
        {
            attributes.Add("[TracedService]");
        }

        var classStatuses = r.Chance(0.4) ? r.Between(1, 3) : 0;
        for (var i = 0; i < classStatuses; i++)
        {
            attributes.Add(SpanStatus(r));
        }

        if (r.Misuse() && r.Chance(0.2))
        {
            attributes.Add(r.Pick("[TracedService]", "[NotTraced]", "[TraceTag(\"acme.a\", \"OrderId\")]", "[Obsolete]", "[Meter(\"Acme.Shop\")]"));
        }

        var kind = r.Misuse() && r.Chance(0.4) ? r.Pick("record", "struct", "interface", "static class", "abstract class", "record class") : "class";
        var accessibility = r.Choose(new[] { "public ", "internal ", string.Empty }, new[] { "file ", "private ", "protected " });
        var modifiers = r.Misuse() ? r.Pick("partial ", "unsafe ", "abstract ", "new ", "static ", "sealed partial ") : r.Chance(0.7) ? "sealed " : string.Empty;
        var (typeParameters, constraints) = r.Misuse() && r.Chance(0.4) ? r.Pick(("<T>", string.Empty), ("<T>", " where T : class")) : (string.Empty, string.Empty);

        var methods = new List<string>();
        foreach (var rpc in serviceBase.Rpcs)
        {
            if (r.Chance(0.7))
            {
                methods.Add(Override(r, rpc));
            }
        }

        if (r.Misuse() && r.Chance(0.3))
        {
            methods.Add(r.Pick(
                "[TraceTag(\"acme.helper\", \"OrderId\")]\n[NotTraced]\npublic void Helper() { }",
                "[SpanStatus(GrpcStatusCode.NotFound)]\npublic override string ToString() => \"service\";",
                "[TraceTag(\"acme.static\", \"OrderId\")]\npublic static Task<Order> GetOrder(GetOrderRequest request) => Task.FromResult(new Order());",
                "[TraceTag(\"acme.property\", \"OrderId\")]\npublic int Property { get; set; }",
                "public OrderService(int required) { }"));
        }

        var body = string.Join("\n\n", methods).Replace("\n", "\n    ");
        var declaration = string.Join("\n", attributes.Append($"{accessibility}{modifiers}{kind} {name}{typeParameters} : {baseName}{constraints}\n{{\n    {body}\n}}"));
        if (modifiers.Contains("partial") && r.Chance(0.5))
        {
            declaration += $"\n\n{r.Pick("[TracedService]\n", string.Empty)}{accessibility}{modifiers}{kind} {name}{typeParameters}\n{{\n}}";
        }

        declared.Add(name);
        return r.Misuse() && r.Chance(0.5) ? Nest(r, declaration) : declaration;
    }

    private static string Nest(FuzzRandom r, string declaration)
    {
        var container = r.Pick("public static class Services", "public class Outer<T>", "internal struct Outer", "public partial class Outer", "file static class Hidden", "public static partial class @event");
        return $"{container}\n{{\n    {declaration.Replace("\n", "\n    ")}\n}}";
    }

    private static string SpanStatus(FuzzRandom r)
    {
        var isError = r.Chance(0.3) ? $", IsError = {r.Pick("false", "true")}" : string.Empty;
        return $"[SpanStatus({r.Choose(s_statusCodes, s_misusedStatusCodes)}{isError})]";
    }

    private static string Override(FuzzRandom r, Rpc rpc)
    {
        var attributes = new List<string>();
        var tags = r.Chance(0.6) ? r.Between(1, 3) : 0;
        for (var i = 0; i < tags; i++)
        {
            var path = r.Misuse() ? r.Pick(s_misusedPaths) : PathArgument(r.Pick(rpc.Paths));
            var arguments = r.Misuse() && r.Chance(0.15)
                ? r.Pick("null, null", Literal("acme.only.name"), string.Empty, $"{Literal("acme.a")}, {Literal("OrderId")}, {Literal("extra")}")
                : $"{r.Choose(s_tagNames, s_misusedTagNames)}, {path}";
            attributes.Add($"[TraceTag({arguments})]");
        }

        if (r.Chance(0.15))
        {
            attributes.Add(r.Misuse() ? r.Pick("[NotTraced]\n[NotTraced]", "[NotTraced(\"why\")]") : "[NotTraced]");
        }

        if (r.Chance(0.3))
        {
            attributes.Add(SpanStatus(r));
        }

        var modifiers = r.Choose(new[] { "public override ", "public sealed override " }, new[] { "public override async ", "public new ", "public virtual ", "protected override ", "public override unsafe ", "public abstract override ", "internal override " });
        var signature = rpc.Signature;
        if (r.Misuse() && r.Chance(0.2))
        {
            // A wrong signature: the method overrides nothing.
            signature = signature.Replace("ServerCallContext context", "ServerCallContext context, int extra");
        }

        var body = modifiers.Contains("abstract") ? ";" : r.Pick(" => throw new RpcException(new Status(StatusCode.Unimplemented, \"not yet\"));", " => throw new InvalidOperationException();");
        return string.Join("\n", attributes.Append($"{modifiers}{signature}{body}"));
    }

    private static string PathArgument(string path) => path.StartsWith("nameof(", System.StringComparison.Ordinal) ? path : Literal(path);
}
