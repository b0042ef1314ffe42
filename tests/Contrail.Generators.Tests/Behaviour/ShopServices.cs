using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Acme.Shop.V1;
using Grpc.Core;

namespace Contrail.Generators.Tests.Behaviour;

/// <summary>
/// A traced service compiled by this project's own build, with the generator as an analyzer —
/// the path a package consumer's build takes. Request fields choose the outcome.
/// </summary>
[TracedService]
public sealed class ShopService : Orders.OrdersBase
{
    public static readonly Task<Order> CachedOrder = Task.FromResult(new Order { OrderId = "cached" });

    [TraceTag("acme.order.id", nameof(GetOrderRequest.OrderId))]
    [TraceTag("acme.customer.tier", "Customer.Tier")]
    [TraceTag("acme.customer.country", "Customer.Address.Country")]
    [TraceTag("acme.order.page_size", nameof(GetOrderRequest.PageSize))]
    public override async Task<Order> GetOrder(GetOrderRequest request, ServerCallContext context)
    {
        switch (request.OrderId)
        {
            case "cached":
                return await CachedOrder;
            case "missing":
                throw new RpcException(new Status(StatusCode.NotFound, "Order missing was not found."));
            case "boom":
                // Deliberately unmapped: the safe default must keep this message off the wire.
#pragma warning disable CTR4008
                throw new InvalidOperationException("Connection string Server=secret;Password=hunter2 is wrong.");
#pragma warning restore CTR4008
            case "gone":
                throw new OrderNotFoundException("o-404");
            case "archived":
                throw new OrderArchivedException("o-1999", 1999);
            case "broken":
                throw new BrokenMetadataException();
            case "slow":
                await Task.Delay(Timeout.InfiniteTimeSpan, context.CancellationToken);
                return new Order();
            case "null":
                // Grpc.AspNetCore ends a unary call whose handler returns no message as CANCELLED.
                return null!;
            case "status":
                context.Status = new Status(StatusCode.FailedPrecondition, "Set, not thrown.");
                return new Order();
            default:
                await Task.Yield();
                return new Order { OrderId = request.OrderId, TotalCents = 4200 };
        }
    }

    public override async Task WatchOrders(WatchOrdersRequest request, IServerStreamWriter<Order> responseStream, ServerCallContext context)
    {
        for (var i = 0; i < request.Count; i++)
        {
            await responseStream.WriteAsync(new Order { OrderId = $"{request.CustomerId}-{i}" });
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
            await responseStream.WriteAsync(new ChatMessage { Text = "echo: " + requestStream.Current.Text });
        }
    }

    [NotTraced]
    public override Task<HealthCheckResponse> Check(HealthCheckRequest request, ServerCallContext context) =>
        Task.FromResult(new HealthCheckResponse { Serving = true });
}

/// <summary>A service that is not traced: its mapped exceptions need the generated error interceptor.</summary>
public sealed class UntracedShopService : Orders.OrdersBase
{
    public override Task<Order> GetOrder(GetOrderRequest request, ServerCallContext context) =>
        throw new QuotaExceededException(100, QuotaUnit.Orders) { AccountId = Guid.Parse("6f9619ff-8b86-d011-b42d-00cf4fc964ff") };
}

/// <summary>The same RPCs with the span-status rule overridden per service and per method.</summary>
[TracedService]
[SpanStatus(GrpcStatusCode.NotFound)]
public sealed class StrictShopService : Orders.OrdersBase
{
    [SpanStatus(GrpcStatusCode.DeadlineExceeded, IsError = false)]
    public override async Task<Order> GetOrder(GetOrderRequest request, ServerCallContext context)
    {
        if (request.OrderId == "slow")
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, context.CancellationToken);
        }

        throw new RpcException(new Status(StatusCode.NotFound, "Not here."));
    }
}
