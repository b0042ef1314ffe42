// The further misuse shapes that the pages of CTR3001-CTR3015 list, beyond the one case of each ID
// in OneOfEach/. A "// expect: ID" comment marks the line the diagnostic must be reported on: the
// instrument attribute (CTR3001-CTR3004, CTR3011, CTR3015), the [Tag] attribute (CTR3005), the
// parameter or [MetricTags] member (CTR3007, CTR3008, CTR3012), the method name (CTR3006, CTR3009,
// CTR3013; for CTR3013 with two [Measurement] parameters, the second one, which is then read as a
// tag and so also gets CTR3008 when it is a double) or the class name (CTR3010).
//
// Not here:
// - CTR3009 "an instance method in a static [Meter] class": C# itself rejects an instance member
//   in a static class (CS0708), so that shape cannot compile whatever Contrail does.
// - CTR3010 "not partial" with instrument methods in it: C# itself rejects a partial method in a
//   type that is not partial (CS0751); OneOfEach/ has the empty class of the page.
// - CTR3014: needs a System.Diagnostics.DiagnosticSource without the type; see NoDiagnosticSource/.
using System;
using System.Collections.Generic;
using System.Diagnostics.Metrics;
using Contrail;

namespace Corpus.Shapes;

public enum Channel { Web, Store }

[MetricTags]
public sealed class ShipmentTags
{
    public string Region { get; init; } = "";

    public Channel Channel { get; init; }
}

[MetricTags]
public sealed class DiscountTags
{
    public Channel Channel { get; init; }

    public double Ratio { get; init; } // expect: CTR3008
}

[Meter("Corpus.Shapes")]
public static partial class ShapeMetrics
{
    private const string LongPart = "corpus_long_instrument_name_part_abcdefghijklmnopqrstuvwxyz0123";

    [Counter("orders placed")] // expect: CTR3001
    public static partial void NameWithSpace();

    [Counter(LongPart + "." + LongPart + "." + LongPart + "." + LongPart + ".x")] // expect: CTR3001
    public static partial void NameTooLong();

    [Counter("Corpus.Orders.Placed")] // expect: CTR3002
    public static partial void UpperCaseName();

    [Counter("orders")] // expect: CTR3002
    public static partial void NameWithoutNamespace();

    [Counter("corpus.orders-cancelled")] // expect: CTR3002
    public static partial void NameWithHyphen();

    [Histogram("corpus.shapes.payload.size", Unit = "bytes")] // expect: CTR3003
    public static partial void PayloadSize(long bytes);

    [Histogram("corpus.shapes.request.size", Unit = "kilo bytes")] // expect: CTR3003
    public static partial void RequestSize(long size);

    [Counter("corpus.shapes.orders.tagged")]
    public static partial void EmptyTagName([Tag("")] string region); // expect: CTR3005

    [Counter("corpus.shapes.shipments.sent")]
    public static partial void ShipmentSent(string region, ShipmentTags tags); // expect: CTR3006

    [ObservableGauge("corpus.shapes.queue.state")]
    public static partial void QueueState(
        Func<string> observe); // expect: CTR3007

    [Counter("corpus.shapes.items.counted")]
    public static partial void ItemsCounted(
        [Measurement] ulong count); // expect: CTR3007

    [Counter("corpus.shapes.orders.retried")]
    public static partial void OrderRetried(
        int? attempt); // expect: CTR3008

    [Counter("corpus.shapes.orders.annotated")]
    public static partial void OrderAnnotated(
        object note); // expect: CTR3008

    [Counter("corpus.shapes.orders.discounted")]
    public static partial void OrderDiscounted(DiscountTags tags);

    [Counter("corpus.shapes.orders.bodied")]
    public static partial void AlreadyHasBody(); // expect: CTR3009

    public static partial void AlreadyHasBody()
    {
    }

    [Counter("corpus.shapes.orders.generic")]
    public static partial void GenericMethod<TRegion>(TRegion region); // expect: CTR3009

    [Counter("corpus.shapes.orders.by_ref")]
    public static partial void RefParameter( // expect: CTR3009
        ref int count);

    [Counter("corpus.shapes.orders.by_out")]
    public static partial void OutParameter(out int count); // expect: CTR3009

    [Counter("corpus.shapes.orders.by_in")]
    public static partial void InParameter(in int count); // expect: CTR3009

    [Counter("corpus.shapes.orders.by_params")]
    public static partial void ParamsParameter(params string[] regions); // expect: CTR3009

    [Counter("corpus.shapes.orders.twice")]
    [Histogram("corpus.shapes.orders.twice.size")]
    public static partial void TwoInstruments(long size); // expect: CTR3009

    [Counter("corpus.shapes.orders.extended")]
    public static partial void ExtensionMethod(this string region); // expect: CTR3009

    [ObservableGauge("corpus.shapes.queue.depth")]
    public static partial void NoCallback(int depth); // expect: CTR3009

    [ObservableCounter("corpus.shapes.queue.processed")]
    public static partial int WrongObservableReturn(Func<long> observe); // expect: CTR3009

    [Histogram("corpus.shapes.empty.buckets", Unit = "s", Buckets = new double[0])] // expect: CTR3011
    public static partial void EmptyBuckets(double seconds);

    [Histogram("corpus.shapes.nan.buckets", Unit = "s", Buckets = new[] { 0.1, double.NaN })] // expect: CTR3011
    public static partial void NaNBuckets(double seconds);

    [Histogram("corpus.shapes.infinite.buckets", Unit = "s", Buckets = new[] { 0.1, double.PositiveInfinity })] // expect: CTR3011
    public static partial void InfiniteBuckets(double seconds);

    [Histogram("corpus.shapes.fractional.buckets", Unit = "By", Buckets = new[] { 0.5, 1 })] // expect: CTR3011
    public static partial void FractionalBuckets(long bytes);

    [Counter("corpus.shapes.sessions.started")]
    public static partial void SessionStarted(
        Guid session); // expect: CTR3012

    [Counter("corpus.shapes.orders.opened")]
    public static partial void OrderOpened(
        Channel channel,
        long orderId); // expect: CTR3012

    [Histogram("corpus.shapes.order.value", Unit = "{order}")]
    public static partial void OrderValue(
        [Measurement] double total,
        [Measurement] double tax); // expect: CTR3013, CTR3008

    [Gauge("corpus.shapes.stock.level", Unit = "{item}")]
    public static partial void StockLevel(Channel channel); // expect: CTR3013

    [UpDownCounter("corpus.shapes.carts.open", Unit = "{cart}")]
    public static partial void CartsOpen(Channel channel); // expect: CTR3013
}

// CTR3004 across two classes of the same meter: the later declaration is reported.
[Meter("Corpus.Shared")]
public static partial class SharedMetricsA
{
    [Counter("corpus.shared.orders.placed")]
    public static partial void OrderPlaced();
}

[Meter("Corpus.Shared")]
public static partial class SharedMetricsB
{
    [Counter("corpus.shared.orders.placed")] // expect: CTR3004
    public static partial void OrderPlaced();
}

// CTR3009: a static method in a non-static [Meter] class.
[Meter("Corpus.Instance")]
public sealed partial class InstanceMetrics
{
    [Counter("corpus.instance.orders.placed")]
    public static partial void StaticInInstanceClass(); // expect: CTR3009
}

[Meter("Corpus.Generic")]
public static partial class GenericMetrics<TKey> // expect: CTR3010
{
    [Counter("corpus.generic.orders.placed")]
    public static partial void OrderPlaced();
}

public static partial class MetricsHost
{
    [Meter("Corpus.Nested")]
    public static partial class NestedMetrics // expect: CTR3010
    {
        [Counter("corpus.nested.orders.placed")]
        public static partial void OrderPlaced();
    }
}

[Meter("")]
public static partial class EmptyNameMetrics // expect: CTR3010
{
    [Counter("corpus.empty.orders.placed")]
    public static partial void OrderPlaced();
}

[Meter("Corpus.Constructed")]
public sealed partial class ConstructedMetrics // expect: CTR3010
{
    public ConstructedMetrics()
    {
    }

    [Counter("corpus.constructed.orders.placed")]
    public partial void OrderPlaced();
}

// CTR3010 for a record, which the analyzer reports as "only a class can be a [Meter] class" (the
// page does not list this shape).
[Meter("Corpus.Record")]
public partial record RecordMetrics // expect: CTR3010
{
    [Counter("corpus.record.orders.placed")]
    public partial void OrderPlaced();
}

// CTR3015: the usual public declaration, in a class without [Meter].
public static partial class MeterlessPublicMetrics
{
    [Counter("corpus.meterless.orders.shipped")] // expect: CTR3015
    public static partial void OrderShipped();
}

public sealed partial class MeterlessInstanceMetrics
{
    [Histogram("corpus.meterless.checkout.duration", Unit = "s")] // expect: CTR3015
    public partial void CheckoutDuration(double seconds);
}

public static class MeterlessPlainMetrics
{
    [Counter("corpus.meterless.orders.returned")] // expect: CTR3015
    public static void OrderReturned()
    {
    }
}
