// A netstandard2.0 library that references neither System.Diagnostics.DiagnosticSource nor gRPC:
// the [Meter] classes get CTR3014 at their [Meter] attribute, as Meter and TagList (DiagnosticSource
// 6.0) are missing, and a [TracedService] class gets CTR0001, as nothing can be a gRPC service. A
// "// expect: ID" comment marks the line the diagnostic must be reported on.
//
// The page's own example, a synchronous Gauge<T> on net8.0 without DiagnosticSource 9.0, needs the
// net8.0 targeting pack, which the machines this runs on do not have: a netstandard2.0 library
// builds from what the SDK and the repository's own packages bring.
using Contrail;

namespace Corpus.NoDiagnosticSource;

[Meter("Corpus.Legacy")] // expect: CTR3014
public static partial class LegacyMetrics
{
    [Counter("corpus.legacy.orders.placed")]
    public static partial void OrderPlaced();

    [Histogram("corpus.legacy.checkout.duration", Unit = "s")]
    public static partial void CheckoutDuration(double seconds);
}

[Meter("Corpus.LegacyCart")] // expect: CTR3014
public sealed partial class LegacyCartMetrics
{
    [Counter("corpus.legacy.cart.items.added")]
    public partial void ItemsAdded(long count);
}

[TracedService] // expect: CTR0001
public sealed class OrderService
{
}
