namespace Contrail.Generators.Tests;

/// <summary>User code the generator tests compile, as a user would write it.</summary>
internal static class Sources
{
    /// <summary>A public service with every method kind, trace tags, span-status overrides and [NotTraced].</summary>
    public const string OrderService = """
        using System.Threading.Tasks;
        using Acme.Shop.V1;
        using Contrail;
        using Grpc.Core;

        namespace Acme.Shop
        {
            [TracedService]
            [SpanStatus(GrpcStatusCode.NotFound)]
            [SpanStatus(GrpcStatusCode.DeadlineExceeded, IsError = false)]
            public sealed class OrderService : Orders.OrdersBase
            {
                [TraceTag("acme.order.id", nameof(GetOrderRequest.OrderId))]
                [TraceTag("acme.customer.tier", "Customer.Tier")]
                [TraceTag("acme.customer.country", "Customer.Address.Country")]
                [TraceTag("acme.order.version", nameof(GetOrderRequest.Version))]
                [SpanStatus(GrpcStatusCode.Cancelled)]
                public override Task<Order> GetOrder(GetOrderRequest request, ServerCallContext context) =>
                    Task.FromResult(new Order { OrderId = request.OrderId });

                [TraceTag("acme.customer.id", nameof(WatchOrdersRequest.CustomerId))]
                public override async Task WatchOrders(WatchOrdersRequest request, IServerStreamWriter<Order> responseStream, ServerCallContext context)
                {
                    for (var i = 0; i < request.Count; i++)
                    {
                        await responseStream.WriteAsync(new Order { OrderId = i.ToString() });
                    }
                }

                public override async Task<UploadSummary> UploadOrders(IAsyncStreamReader<Order> requestStream, ServerCallContext context)
                {
                    var count = 0;
                    while (await requestStream.MoveNext(context.CancellationToken))
                    {
                        count++;
                    }

                    return new UploadSummary { Count = count };
                }

                public override async Task Chat(IAsyncStreamReader<ChatMessage> requestStream, IServerStreamWriter<ChatMessage> responseStream, ServerCallContext context)
                {
                    while (await requestStream.MoveNext(context.CancellationToken))
                    {
                        await responseStream.WriteAsync(requestStream.Current);
                    }
                }

                [NotTraced]
                public override Task<HealthCheckResponse> Check(HealthCheckRequest request, ServerCallContext context) =>
                    Task.FromResult(new HealthCheckResponse { Serving = true });
            }
        }
        """;

    /// <summary>An internal service in the global namespace, over a base with no proto package.</summary>
    public const string InventoryService = """
        using System.Threading.Tasks;
        using Contrail;
        using Grpc.Core;

        [TracedService]
        internal sealed class InventoryService : Inventory.InventoryBase
        {
            public override Task<ReserveReply> Reserve(ReserveRequest request, ServerCallContext context) =>
                Task.FromResult(new ReserveReply { Reserved = request.Quantity > 0 });
        }
        """;

    /// <summary>A host that registers services: the shape of a Program.cs.</summary>
    public const string Host = """
        using Microsoft.Extensions.DependencyInjection;

        internal static class Startup
        {
            public static void Configure(IServiceCollection services) => services.AddGrpc().AddContrail();
        }
        """;

    /// <summary>Mapped exceptions and an enum catalog, with a default domain and a custom catalog name.</summary>
    public const string Errors = """
        using System;
        using Contrail;

        [assembly: ErrorDomain("shop.acme.example", CatalogName = "ShopErrors")]

        namespace Acme.Shop
        {
            [GrpcError(GrpcStatusCode.NotFound, "ORDER_NOT_FOUND", Message = "Order {orderId} was not found.")]
            public class OrderNotFoundException : Exception
            {
                public OrderNotFoundException(string orderId)
                    : base("Order " + orderId + " was not found.")
                {
                    OrderId = orderId;
                }

                [ErrorMetadata("orderId")]
                public string OrderId { get; }
            }

            [GrpcError(GrpcStatusCode.FailedPrecondition, "ORDER_ARCHIVED")]
            public sealed class OrderArchivedException : OrderNotFoundException
            {
                public OrderArchivedException(string orderId, int year)
                    : base(orderId)
                {
                    Year = year;
                }

                [ErrorMetadata("archivedYear")]
                public int Year { get; }

                [ErrorMetadata("retryable")]
                public bool? Retryable { get; set; }
            }

            public enum PaymentError
            {
                [GrpcError(GrpcStatusCode.FailedPrecondition, "PAYMENT_DECLINED", Domain = "payments.acme.example", Message = "Card ending {last4} was declined.")]
                Declined,

                NotAnError,
            }
        }
        """;
}
