using Acme.Shop.V1;
using Contrail;

namespace Contrail.Sample.Shop.Telemetry;

/// <summary>
/// The shop's business metrics. Contrail generates the bodies: a constructor taking the host's
/// <c>IMeterFactory</c>, one instrument per method, tags on the stack, and the order status (a
/// protobuf enum) recorded by its .proto name through a generated switch. Registered as a singleton
/// and injected into <see cref="ShopService"/>.
/// </summary>
[Meter(MeterName, Version = "1.0")]
public sealed partial class ShopMetrics
{
    /// <summary>The meter the OpenTelemetry SDK subscribes to.</summary>
    public const string MeterName = "Acme.Shop";

    /// <summary>Counts order lookups, found or not.</summary>
    /// <param name="found">Whether the order exists.</param>
    [Counter("acme.shop.order.lookups", Unit = "{lookup}", Description = "Order lookups by outcome.")]
    public partial void OrderLookedUp(bool found);

    /// <summary>Counts the status updates streamed to watchers.</summary>
    /// <param name="status">The status sent.</param>
    [Counter("acme.shop.order.status_updates", Unit = "{update}", Description = "Order status updates streamed to clients.")]
    public partial void StatusUpdateSent(OrderStatus status);

    /// <summary>Adds the items of an upload.</summary>
    /// <param name="quantity">The items' quantity.</param>
    [Counter("acme.shop.items.added", Unit = "{item}", Description = "Items added to orders.")]
    public partial void ItemsAdded(long quantity);

    /// <summary>Records the value of one upload.</summary>
    /// <param name="cents">The upload's total, in cents.</param>
    /// <param name="itemCount">How many items it had, as a tag of few values.</param>
    [Histogram("acme.shop.upload.value", Unit = "{cent}", Description = "Value of the items uploaded in one call.", Buckets = new double[] { 500, 1000, 5000, 10000, 50000 })]
    public partial void UploadValue(long cents, [Tag("acme.shop.upload.item_count", Bounded = true)] int itemCount);

    /// <summary>Records a delivery estimate.</summary>
    /// <param name="minutes">The minutes to arrival.</param>
    [Histogram("acme.shop.delivery.estimate", Unit = "min", Description = "Delivery estimates sent to clients.", Buckets = new double[] { 5, 15, 30, 60, 120 })]
    public partial void DeliveryEstimated(int minutes);
}
