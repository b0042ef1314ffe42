using Contrail;

namespace Contrail.Benchmarks;

/// <summary>The payment methods the metrics benchmarks record as an enum tag.</summary>
public enum BenchPaymentMethod
{
    Card,
    Wallet,
    BankTransfer,
}

/// <summary>The typed counter the metrics benchmarks call; Contrail generates its body.</summary>
[Meter(MeterName)]
public static partial class BenchShopMetrics
{
    /// <summary>The meter of the typed counter.</summary>
    public const string MeterName = "Contrail.Benchmarks.Typed";

    /// <summary>Adds 1 with three tags: an enum, a string and a bool.</summary>
    /// <param name="method">The payment method.</param>
    /// <param name="region">The region.</param>
    /// <param name="firstOrder">Whether it is the customer's first order.</param>
    [Counter("bench.shop.orders.placed", Unit = "{order}")]
    public static partial void OrderPlaced(BenchPaymentMethod method, [Tag("bench.shop.region")] string region, bool firstOrder);
}
