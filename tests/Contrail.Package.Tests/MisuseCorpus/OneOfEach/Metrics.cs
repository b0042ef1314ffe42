// One misuse of each [Meter] diagnostic (CTR3001-CTR3013, CTR3015; CTR3014 needs an older
// System.Diagnostics.DiagnosticSource and is in NoDiagnosticSource/), as written on their pages
// under docs/diagnostics. A "// expect: ID" comment marks the line the diagnostic must be reported
// on: the instrument attribute (CTR3001-CTR3004, CTR3011, CTR3015), the [Tag] attribute (CTR3005),
// the parameter (CTR3007, CTR3008, CTR3012), the method name (CTR3006, CTR3009, CTR3013) or the
// class name (CTR3010). Parameters are on lines of their own where that tells the locations apart.
using Contrail;

namespace Corpus.OneOfEach;

public enum PaymentMethod { Card, Wallet }

[Meter("Corpus.Shop")]
public static partial class ShopMetrics
{
    [Counter("1 orders placed")] // expect: CTR3001
    public static partial void InvalidName();

    [Counter("OrdersPlaced")] // expect: CTR3002
    public static partial void NameStyle();

    [Histogram("corpus.shop.checkout.duration", Unit = "seconds")] // expect: CTR3003
    public static partial void CheckoutDuration(double seconds);

    [Counter("corpus.shop.orders.placed")]
    public static partial void OrderPlaced();

    [Counter("corpus.shop.orders.placed")] // expect: CTR3004
    public static partial void GiftOrderPlaced();

    [Counter("corpus.shop.orders.shipped")]
    public static partial void OrderShipped([Tag("Region")] string region); // expect: CTR3005

    [Counter("corpus.shop.orders.billed")]
    public static partial void OrderBilled([Tag("corpus.shop.region")] string shipTo, [Tag("corpus.shop.region")] string billTo); // expect: CTR3006

    [Counter("corpus.shop.items.sold")]
    public static partial void ItemsSold(
        [Measurement] uint quantity); // expect: CTR3007

    [Histogram("corpus.shop.payment.duration", Unit = "s")]
    public static partial void PaymentDuration(
        double seconds,
        double discount); // expect: CTR3008

    [Counter("corpus.shop.orders.returned")]
    public static void OrderReturned() { } // expect: CTR3009

    [Histogram("corpus.shop.refund.duration", Unit = "s", Buckets = new[] { 0.1, 1, 0.5 })] // expect: CTR3011
    public static partial void RefundDuration(double seconds);

    [Counter("corpus.shop.orders.viewed")]
    public static partial void OrderViewed(
        string customerId); // expect: CTR3012

    [Histogram("corpus.shop.cart.duration", Unit = "s")]
    public static partial void CartDuration(PaymentMethod method); // expect: CTR3013
}

[Meter("Corpus.Broken")]
public static class BrokenMetrics // expect: CTR3010
{
}

public static partial class MeterlessMetrics
{
    [Counter("corpus.meterless.orders.placed")] // expect: CTR3015
    static partial void OrderPlaced();
}
