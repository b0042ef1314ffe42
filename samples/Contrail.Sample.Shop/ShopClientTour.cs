using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Acme.Shop.V1;
using Grpc.Core;

namespace Contrail.Sample.Shop;

/// <summary>
/// Drives the shop through every outcome Contrail records: each call runs inside a client span of
/// the sample's own <see cref="ActivitySource"/>, so the server span's parent shows up in the output.
/// </summary>
internal sealed class ShopClientTour
{
    /// <summary>The name of the sample's client-side ActivitySource.</summary>
    public const string ActivitySourceName = "Contrail.Sample.Shop.Client";

    private static readonly ActivitySource Source = new(ActivitySourceName);

    private readonly Acme.Shop.V1.Shop.ShopClient _client;
    private readonly TextWriter _output;

    public ShopClientTour(Acme.Shop.V1.Shop.ShopClient client, TextWriter output)
    {
        _client = client;
        _output = output;
    }

    /// <summary>
    /// Sends the current span, the caller's client span, in the call's metadata as W3C
    /// <c>traceparent</c>/<c>tracestate</c> headers: the server span's parent.
    /// </summary>
    public static Metadata PropagateTraceContext(Metadata headers)
    {
        DistributedContextPropagator.Current.Inject(Activity.Current, headers, static (carrier, name, value) =>
        {
            if (carrier is Metadata metadata && value is not null)
            {
                metadata.Add(name, value);
            }
        });
        return headers;
    }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        _output.WriteLine("Client calls:");

        await CallAsync("GetOrder", "existing order", async () =>
        {
            var order = await _client.GetOrderAsync(new GetOrderRequest { OrderId = InMemoryOrderStore.RecentOrderId }, cancellationToken: cancellationToken);
            return $"order {order.OrderId}: {order.Items.Count} items, {order.TotalCents} cents, {order.Status}";
        });

        var notFoundCall = await CallAsync("GetOrder", "unknown order", async () =>
        {
            var order = await _client.GetOrderAsync(new GetOrderRequest { OrderId = "A-9999" }, cancellationToken: cancellationToken);
            return $"order {order.OrderId}";
        });
        DescribeOrderNotFound(notFoundCall);

        var received = new List<OrderStatus>();
        await CallAsync("WatchOrderStatus", "client cancels after 300 ms", async () =>
        {
            using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            cancellation.CancelAfter(TimeSpan.FromMilliseconds(300));
            using var call = _client.WatchOrderStatus(
                new WatchOrderStatusRequest { OrderId = InMemoryOrderStore.RecentOrderId, IntervalMs = 1000 },
                cancellationToken: cancellation.Token);
            await foreach (var update in call.ResponseStream.ReadAllAsync(cancellation.Token))
            {
                received.Add(update.Status);
            }

            return Join(received);
        }, () => $"after {Join(received)}");

        await CallAsync("GetOrder", "archived order, 100 ms deadline", async () =>
        {
            var order = await _client.GetOrderAsync(
                new GetOrderRequest { OrderId = InMemoryOrderStore.ArchivedOrderId },
                deadline: DateTime.UtcNow.AddMilliseconds(100),
                cancellationToken: cancellationToken);
            return $"order {order.OrderId}";
        });

        await CallAsync("WatchOrderStatus", "whole stream", async () =>
        {
            var updates = new List<OrderStatus>();
            using var call = _client.WatchOrderStatus(
                new WatchOrderStatusRequest { OrderId = InMemoryOrderStore.RecentOrderId, IntervalMs = 20 },
                cancellationToken: cancellationToken);
            await foreach (var update in call.ResponseStream.ReadAllAsync(cancellationToken))
            {
                updates.Add(update.Status);
            }

            return Join(updates);
        });

        await CallAsync("UploadItems", "three items", async () =>
        {
            using var call = _client.UploadItems(cancellationToken: cancellationToken);
            foreach (var (sku, quantity, price) in new[] { ("CABLE-HDMI", 2, 990), ("DOCK-USB4", 1, 18900), ("STAND-01", 1, 4500) })
            {
                var item = new OrderItem { OrderId = InMemoryOrderStore.RecentOrderId, Sku = sku, Quantity = quantity, UnitPriceCents = price };
                await call.RequestStream.WriteAsync(item, cancellationToken);
            }

            await call.RequestStream.CompleteAsync();
            var summary = await call.ResponseAsync.WaitAsync(cancellationToken);
            return $"{summary.ItemCount} items, {summary.TotalCents} cents";
        });

        await CallAsync("TrackDelivery", "three checkpoints", async () =>
        {
            using var call = _client.TrackDelivery(cancellationToken: cancellationToken);
            var reading = ReadEstimatesAsync(call.ResponseStream, cancellationToken);
            foreach (var remainingKm in new[] { 12.0, 6.5, 1.2 })
            {
                await call.RequestStream.WriteAsync(new DeliveryCheckpoint { OrderId = InMemoryOrderStore.RecentOrderId, RemainingKm = remainingKm }, cancellationToken);
            }

            await call.RequestStream.CompleteAsync();
            var minutes = await reading;
            return "ETA " + string.Join(", ", minutes.Select(m => $"{m} min"));
        });

        await CallAsync("Health", "not traced", async () =>
        {
            var health = await _client.HealthAsync(new HealthRequest(), cancellationToken: cancellationToken);
            return health.Serving ? "serving" : "not serving";
        });
    }

    private static async Task<List<int>> ReadEstimatesAsync(IAsyncStreamReader<DeliveryEstimate> estimates, CancellationToken cancellationToken)
    {
        var minutes = new List<int>();
        await foreach (var estimate in estimates.ReadAllAsync(cancellationToken))
        {
            minutes.Add(estimate.MinutesToArrival);
        }

        return minutes;
    }

    /// <summary>
    /// The server threw <see cref="OrderNotFoundException"/>; Contrail sent it as <c>NOT_FOUND</c> with a
    /// <c>google.rpc.ErrorInfo</c> in the <c>grpc-status-details-bin</c> trailer, and the generated
    /// <see cref="ShopErrors"/> helpers read it back: the exception itself, and the reason and domain.
    /// </summary>
    private void DescribeOrderNotFound(RpcException? failure)
    {
        if (failure is null
            || !ShopErrors.TryGetOrderNotFound(failure, out var notFound)
            || !ShopErrors.TryGetErrorInfo(failure, out var reason, out var domain, out _))
        {
            _output.WriteLine("      no ORDER_NOT_FOUND error details in the trailers");
            return;
        }

        _output.WriteLine($"      typed error: {nameof(OrderNotFoundException)} {{ OrderId = {notFound.OrderId} }}  "
            + $"reason={reason}  domain={domain}  http={ShopErrors.GetHttpStatus(failure.StatusCode)}");
    }

    /// <summary>Makes one call in a client span and prints its outcome; returns the failure, if any.</summary>
    private async Task<RpcException?> CallAsync(string method, string scenario, Func<Task<string>> call, Func<string>? describeFailure = null)
    {
        using var span = Source.StartActivity($"client {method}: {scenario}", ActivityKind.Client);
        span?.SetTag("rpc.system.name", "grpc");
        span?.SetTag("rpc.method", "acme.shop.v1.Shop/" + method);

        StatusCode code;
        string result;
        RpcException? failure = null;
        try
        {
            result = await call();
            code = StatusCode.OK;
        }
        catch (RpcException exception)
        {
            failure = exception;
            code = exception.StatusCode;
            result = describeFailure?.Invoke() ?? exception.Status.Detail;
            if (string.IsNullOrEmpty(result))
            {
                result = "(no detail)";
            }
        }

        var status = GrpcStatusNames.Of(code);
        span?.SetTag("rpc.response.status_code", status);
        if (code != StatusCode.OK)
        {
            span?.SetStatus(ActivityStatusCode.Error, status);
        }

        var spanId = span is null ? string.Empty : $"  [client span {span.SpanId.ToHexString()}]";
        _output.WriteLine($"  {method + " (" + scenario + ")",-50} -> {status,-17} {result}{spanId}");
        return failure;
    }

    private static string Join(List<OrderStatus> statuses) =>
        statuses.Count == 0 ? "no update" : string.Join(" > ", statuses);
}
