namespace Contrail.Generators.Tests.Metrics;

/// <summary>[Meter] classes the generator and analyzer tests compile.</summary>
internal static class MetricsSources
{
    /// <summary>The static form: every synchronous instrument kind, enums, tag records, bucket advice.</summary>
    public const string ShopMetrics = """
        using System;
        using Contrail;

        namespace Acme.Shop.Telemetry
        {
            public enum PaymentMethod { Card, Wallet, BankTransfer, Voucher = 10, GiftCard = 10 }

            public enum Region : byte { @default, Eu, Us }

            [MetricTags]
            public readonly record struct CartTags(PaymentMethod Method, [property: Tag("acme.shop.region")] string Region, bool FirstOrder);

            [MetricTags]
            public sealed class CustomerTags
            {
                public string Tier { get; set; } = "standard";
                public int Cohort;
            }

            [Meter("Acme.Shop", Version = "1.0")]
            public static partial class ShopMetrics
            {
                [Counter("acme.shop.orders.placed", Unit = "{order}", Description = "Orders accepted.")]
                public static partial void OrderPlaced(PaymentMethod method, [Tag("acme.shop.region")] string region);

                [Counter("acme.shop.items.sold", Unit = "{item}")]
                public static partial void ItemsSold(int quantity, bool isGift, Region @event);

                [Histogram("acme.shop.checkout.duration", Unit = "s", Buckets = new[] { 0.01, 0.05, 0.1, 0.5, 1, 5 })]
                public static partial void CheckoutDuration(double seconds, PaymentMethod method);

                [Histogram("acme.shop.cart.size", Unit = "{item}", Buckets = new double[] { 1, 2, 5, 10 })]
                internal static partial void CartSize(CartTags cart, [Measurement] int items);

                [UpDownCounter("acme.shop.carts.active", Unit = "{cart}")]
                public static partial void ActiveCarts(long delta, CustomerTags customer);

                [Gauge("acme.shop.stock.level", Unit = "{item}")]
                public static partial void StockLevel(decimal level, [Tag("acme.shop.warehouse", Bounded = true)] string warehouseId, long shard);

                [Counter("acme.shop.visits")]
                static partial void Visit();
            }
        }
        """;

    /// <summary>The DI form with observable instruments.</summary>
    public const string InventoryMetrics = """
        using System;
        using System.Collections.Generic;
        using System.Diagnostics.Metrics;
        using Contrail;

        namespace Acme.Shop.Telemetry
        {
            [Meter("Acme.Inventory")]
            public sealed partial class InventoryMetrics
            {
                [Counter("acme.inventory.restocks", Description = "Restocks received.")]
                public partial void Restocked(float quantity, [Tag("acme.inventory.sku_class")] string? skuClass);

                [ObservableGauge("acme.inventory.queue.depth", Unit = "{item}")]
                public partial ObservableGauge<int> QueueDepth(Func<int> observe);

                [ObservableCounter("acme.inventory.scans", Unit = "{scan}")]
                public partial void Scans(Func<Measurement<long>> observe);

                [ObservableUpDownCounter("acme.inventory.reservations", Unit = "{reservation}")]
                internal partial ObservableUpDownCounter<double> Reservations(Func<IEnumerable<Measurement<double>>> observe);
            }
        }
        """;
}
