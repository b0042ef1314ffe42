using System;
using System.Threading.Tasks;
using Acme.Shop.V1;
using Contrail.Sample.Shop.Telemetry;
using Grpc.Core;

namespace Contrail.Sample.Shop;

/// <summary>
/// The shop's gRPC service. <c>[TracedService]</c> is all it takes: the class stays sealed,
/// non-partial and constructed by dependency injection, and Contrail's generator emits the
/// interceptor that <c>AddGrpc().AddContrail()</c> registers. Unknown orders throw
/// <see cref="OrderNotFoundException"/>; the interceptor sends it to the client as <c>NOT_FOUND</c>
/// with its <c>ErrorInfo</c>, so no <see cref="RpcException"/> is built by hand. Business events
/// are recorded through the typed <see cref="ShopMetrics"/>.
/// </summary>
[TracedService]
public sealed class ShopService : Acme.Shop.V1.Shop.ShopBase
{
    private readonly IOrderStore _orders;
    private readonly ShopMetrics _metrics;

    /// <summary>Creates the service.</summary>
    public ShopService(IOrderStore orders, ShopMetrics metrics)
    {
        _orders = orders;
        _metrics = metrics;
    }

    /// <inheritdoc />
    [TraceTag("acme.order.id", nameof(GetOrderRequest.OrderId))]
    public override async Task<Order> GetOrder(GetOrderRequest request, ServerCallContext context)
    {
        var order = await _orders.FindAsync(request.OrderId, context.CancellationToken);
        _metrics.OrderLookedUp(found: order is not null);
        return order ?? throw new OrderNotFoundException(request.OrderId);
    }

    /// <inheritdoc />
    [TraceTag("acme.order.id", nameof(WatchOrderStatusRequest.OrderId))]
    public override async Task WatchOrderStatus(WatchOrderStatusRequest request, IServerStreamWriter<OrderStatusUpdate> responseStream, ServerCallContext context)
    {
        var order = await _orders.FindAsync(request.OrderId, context.CancellationToken) ?? throw new OrderNotFoundException(request.OrderId);
        var interval = TimeSpan.FromMilliseconds(Math.Max(0, request.IntervalMs));

        // The warehouse is simulated: the order moves on one status per interval until delivered.
        for (var status = order.Status; ; status++)
        {
            await responseStream.WriteAsync(new OrderStatusUpdate { OrderId = order.OrderId, Status = status }, context.CancellationToken);
            _metrics.StatusUpdateSent(status);
            if (status >= OrderStatus.Delivered)
            {
                return;
            }

            await Task.Delay(interval, context.CancellationToken);
        }
    }

    /// <inheritdoc />
    public override async Task<UploadSummary> UploadItems(IAsyncStreamReader<OrderItem> requestStream, ServerCallContext context)
    {
        var summary = new UploadSummary();
        await foreach (var item in requestStream.ReadAllAsync(context.CancellationToken))
        {
            if (!await _orders.AddItemAsync(item, context.CancellationToken))
            {
                throw new OrderNotFoundException(item.OrderId);
            }

            summary.ItemCount++;
            summary.TotalCents += item.Quantity * item.UnitPriceCents;
            _metrics.ItemsAdded(item.Quantity);
        }

        _metrics.UploadValue(summary.TotalCents, summary.ItemCount);
        return summary;
    }

    /// <inheritdoc />
    public override async Task TrackDelivery(IAsyncStreamReader<DeliveryCheckpoint> requestStream, IServerStreamWriter<DeliveryEstimate> responseStream, ServerCallContext context)
    {
        const double KilometresPerMinute = 0.5;
        await foreach (var checkpoint in requestStream.ReadAllAsync(context.CancellationToken))
        {
            var minutes = (int)Math.Ceiling(Math.Max(0, checkpoint.RemainingKm) / KilometresPerMinute);
            _metrics.DeliveryEstimated(minutes);
            await responseStream.WriteAsync(new DeliveryEstimate { OrderId = checkpoint.OrderId, MinutesToArrival = minutes }, context.CancellationToken);
        }
    }

    /// <inheritdoc />
    [NotTraced]
    public override Task<HealthResponse> Health(HealthRequest request, ServerCallContext context) =>
        Task.FromResult(new HealthResponse { Serving = true });
}
