using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using BenchmarkDotNet.Attributes;

namespace Contrail.Benchmarks;

/// <summary>
/// The cost of one counter measurement with three tags (an enum, a string, a bool), three ways: Contrail's
/// typed method, the hand-written floor (<c>Counter&lt;long&gt;.Add</c> with a <c>TagList</c> of values that
/// need no allocation), and the common <c>KeyValuePair&lt;string, object?&gt;[]</c> style with
/// <c>Enum.ToString()</c> and a boxed bool.
/// </summary>
public abstract class MetricsBenchmarksBase
{
    private const string HandMeterName = "Contrail.Benchmarks.Hand";

    private static readonly string[] s_methodNames = { "Card", "Wallet", "BankTransfer" };
    private static readonly object s_true = true;
    private static readonly object s_false = false;

    private readonly Meter _meter = new(HandMeterName);
    private readonly Counter<long> _tagListCounter;
    private readonly Counter<long> _arrayCounter;

    // Fields, not constants, so the JIT cannot fold the values into the call.
    private BenchPaymentMethod _method = BenchPaymentMethod.BankTransfer;
    private string _region = "eu-west";
    private bool _firstOrder = true;

    protected MetricsBenchmarksBase()
    {
        _tagListCounter = _meter.CreateCounter<long>("bench.shop.orders.placed.taglist", "{order}");
        _arrayCounter = _meter.CreateCounter<long>("bench.shop.orders.placed.array", "{order}");
    }

    /// <summary>The meters a listener enables in the recorded setup.</summary>
    protected static bool IsBenchmarkMeter(Meter meter) => meter.Name is HandMeterName or BenchShopMetrics.MeterName;

    /// <summary>The hand-written floor: a <c>TagList</c> on the stack, values that need no allocation.</summary>
    [Benchmark(Baseline = true, Description = "by hand: Add(1, TagList)")]
    public void TagListByHand()
    {
        var tags = new TagList
        {
            { "method", s_methodNames[(int)_method] },
            { "bench.shop.region", _region },
            { "first_order", _firstOrder ? s_true : s_false },
        };
        _tagListCounter.Add(1, in tags);
    }

    /// <summary>
    /// The common style: an array of pairs (as with more than three tags, or a helper that builds them),
    /// the enum's ToString and a boxed bool. The array is explicit: with three pairs the compiler would
    /// otherwise pick the allocation-free three-pair overload.
    /// </summary>
    [Benchmark(Description = "by hand: Add(1, KeyValuePair<string, object?>[])")]
    public void KeyValuePairArray() =>
        _arrayCounter.Add(1, new[]
        {
            new KeyValuePair<string, object?>("method", _method.ToString()),
            new KeyValuePair<string, object?>("bench.shop.region", _region),
            new KeyValuePair<string, object?>("first_order", _firstOrder),
        });

    /// <summary>Contrail's generated typed method.</summary>
    [Benchmark(Description = "Contrail: OrderPlaced(method, region, firstOrder)")]
    public void Typed() => BenchShopMetrics.OrderPlaced(_method, _region, _firstOrder);

    /// <summary>Releases the hand-written meter.</summary>
    protected void DisposeMeter() => _meter.Dispose();
}

/// <summary>Nothing listens to either meter.</summary>
[MemoryDiagnoser]
public class MetricsNothingListeningBenchmarks : MetricsBenchmarksBase
{
    /// <summary>Releases the meter.</summary>
    [GlobalCleanup]
    public void Cleanup() => DisposeMeter();
}

/// <summary>A <see cref="MeterListener"/> takes every measurement of the three counters.</summary>
[MemoryDiagnoser]
public class MetricsRecordedBenchmarks : MetricsBenchmarksBase
{
    private MeterListener? _listener;
    private long _total;

    /// <summary>Starts the listener and checks each way is recorded.</summary>
    [GlobalSetup]
    public void StartListening()
    {
        _listener = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (IsBenchmarkMeter(instrument.Meter))
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        _listener.SetMeasurementEventCallback<long>((_, value, _, _) => _total += value);
        _listener.Start();

        TagListByHand();
        KeyValuePairArray();
        Typed();
        if (_total != 3)
        {
            throw new System.InvalidOperationException($"expected 3 measurements, the listener saw {_total}");
        }
    }

    /// <summary>Stops the listener, then releases the meter.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        _listener?.Dispose();
        DisposeMeter();
    }
}
