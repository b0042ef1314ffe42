using System;
using System.Diagnostics.Metrics;
using Contrail;

namespace Contrail.Generators.Tests.Metrics;

// The generator runs on this project as on a user's: these classes are implemented by it at build time.

public enum PaymentMethod
{
    Card,
    Wallet,
    BankTransfer,
}

[MetricTags]
public readonly record struct CheckoutTags(PaymentMethod Method, [property: Tag("acme.shop.region")] string Region);

[Meter(MeterName, Version = "2.0")]
public static partial class StaticShopMetrics
{
    public const string MeterName = "Contrail.Tests.Shop";

    [Counter("acme.shop.orders.placed", Unit = "{order}", Description = "Orders accepted.")]
    public static partial void OrderPlaced(PaymentMethod method, [Tag("acme.shop.region")] string region, bool firstOrder, int shard);

    [Counter("acme.shop.items.sold", Unit = "{item}")]
    public static partial void ItemsSold(long quantity, PaymentMethod method);

    [Histogram("acme.shop.checkout.duration", Unit = "s", Description = "Time to check out.", Buckets = new[] { 0.1, 0.5, 1, 5 })]
    public static partial void CheckoutDuration(double seconds, CheckoutTags tags);

    [Counter("acme.shop.customers.seen", Unit = "{customer}")]
    public static partial void CustomerSeen(Acme.Shop.V1.Tier tier);

    [Counter("acme.shop.eight_tags")]
    public static partial void EightTags(PaymentMethod method, string region, bool gift, int shard, string channel, string tier, string currency, long cohort);
}

[Meter(MeterName)]
public sealed partial class InventoryMetrics
{
    public const string MeterName = "Contrail.Tests.Inventory";

    [UpDownCounter("acme.inventory.reserved", Unit = "{item}")]
    public partial void Reserved(int delta, string warehouse);

    [Gauge("acme.inventory.temperature", Unit = "Cel")]
    public partial void Temperature(double celsius, string warehouse);

    [ObservableGauge("acme.inventory.queue.depth", Unit = "{item}")]
    public partial ObservableGauge<int> QueueDepth(Func<int> observe);
}
