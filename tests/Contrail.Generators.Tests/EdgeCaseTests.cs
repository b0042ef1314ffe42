using System.Linq;
using Contrail.Generators.TracedServices;
using Xunit;

namespace Contrail.Generators.Tests;

/// <summary>Valid user code of unusual shapes, each once broken the generated code.</summary>
public sealed class EdgeCaseTests
{
    [Theory]
    [InlineData("keyword namespace", """
        namespace S1.@event
        {
            [Contrail.TracedService]
            public sealed class BetaService : Inventory.InventoryBase { }
        }
        """)]
    [InlineData("nested and flat services with the same concatenated name", """
        public static class Outer
        {
            [Contrail.TracedService]
            public sealed class Inner : Inventory.InventoryBase { }
        }

        [Contrail.TracedService]
        public sealed class OuterInner : Inventory.InventoryBase { }
        """)]
    [InlineData("span attribute names with quotes and backslashes", """
        [Contrail.TracedService]
        public sealed class S : Inventory.InventoryBase
        {
            [Contrail.TraceTag(@"acme\sku", nameof(ReserveRequest.Sku))]
            [Contrail.TraceTag("acme.\"quantity\"", nameof(ReserveRequest.Quantity))]
            public override System.Threading.Tasks.Task<ReserveReply> Reserve(ReserveRequest request, Grpc.Core.ServerCallContext context) =>
                System.Threading.Tasks.Task.FromResult(new ReserveReply());
        }
        """)]
    [InlineData("public and internal errors in one catalog", """
        [assembly: Contrail.ErrorDomain("shop.acme.example")]

        [Contrail.GrpcError(Contrail.GrpcStatusCode.NotFound, "PUBLIC_ERROR")]
        public sealed class PublicException : System.Exception
        {
            public PublicException(string id) { Id = id; }
            [Contrail.ErrorMetadata("id")] public string Id { get; }
        }

        [Contrail.GrpcError(Contrail.GrpcStatusCode.Internal, "INTERNAL_ERROR")]
        internal sealed class InternalException : System.Exception
        {
            public InternalException(string id) { Id = id; }
            [Contrail.ErrorMetadata("id")] public string Id { get; }
        }

        internal enum InternalReason
        {
            [Contrail.GrpcError(Contrail.GrpcStatusCode.Aborted, "INTERNAL_REASON")]
            Aborted,
        }
        """)]
    [InlineData("metadata properties named by keywords", """
        [assembly: Contrail.ErrorDomain("r&d.acme.example")]

        [Contrail.GrpcError(Contrail.GrpcStatusCode.NotFound, "KEYWORD_ERROR")]
        public sealed class KeywordException : System.Exception
        {
            public KeywordException(string @namespace) { this.@namespace = @namespace; }
            [Contrail.ErrorMetadata("namespace")] public string @namespace { get; }
            [Contrail.ErrorMetadata("class")] public int @class { get; set; }
        }
        """)]
    public void The_generated_code_compiles(string description, string source)
    {
        var input = TestCompilation.Create(source);
        TestCompilation.AssertClean(input, description + " (input)");

        var (_, output, diagnostics) = TestCompilation.RunGenerator(input);

        Assert.Empty(diagnostics);
        TestCompilation.AssertClean(output, description);
    }

    [Fact]
    public void A_method_kind_with_only_NotTraced_methods_still_goes_through_the_interceptor_for_error_mapping()
    {
        var input = TestCompilation.Create("""
            using System.Threading.Tasks;
            using Acme.Shop.V1;
            using Contrail;
            using Grpc.Core;

            [TracedService]
            public sealed class S : Orders.OrdersBase
            {
                [NotTraced]
                public override Task WatchOrders(WatchOrdersRequest request, IServerStreamWriter<Order> responseStream, ServerCallContext context) => Task.CompletedTask;
            }
            """);

        var (driver, _, _) = TestCompilation.RunGenerator(input);

        var interceptor = TestCompilation.GeneratedSources(driver).Single(s => s.HintName == "S.Contrail.TracedService.g.cs").SourceText.ToString();
        Assert.Contains("ServerStreamingServerHandler", interceptor);
        Assert.Contains("PassServerStreaming(request, responseStream, context, continuation)", interceptor);
        Assert.DoesNotContain("\"WatchOrders\" =>", interceptor);
    }
}
