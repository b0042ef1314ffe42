using System;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Acme.Shop.V1;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace Contrail.Benchmarks;

/// <summary>
/// The per-call cost of Contrail's generated interceptor, as the gRPC server calls it: the
/// interceptor's handler around the service's handler delegate, against the baseline service's
/// handler delegate called directly. One category per method kind; the baseline of each is the
/// call without Contrail. Derived classes choose what listens.
/// </summary>
[MemoryDiagnoser]
[CategoriesColumn]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
public abstract class TracedCallBenchmarks
{
    public const string UnaryCategory = "Unary";
    public const string ServerStreamingCategory = "ServerStreaming";

    private readonly GetOrderRequest _getOrderRequest = new GetOrderRequest { OrderId = "bench-1" };
    private readonly WatchOrdersRequest _watchOrdersRequest = new WatchOrdersRequest { CustomerId = "customer-1", Count = BenchOrders.MessagesPerStream };
    private readonly NullServerStreamWriter<Order> _responseStream = new NullServerStreamWriter<Order>();

    // grpc-dotnet resolves the interceptor once (AddContrail registers it as a singleton) and creates
    // the call context per call; the benchmark creates both once so that only Contrail's cost is measured.
    // Typed as Interceptor: the server calls it through the base class, a generic virtual call.
    private readonly Interceptor _interceptor = new BenchOrderServiceContrailInterceptor();
    private readonly ServerCallContext _getOrderContext = new BenchServerCallContext("/acme.shop.v1.Orders/GetOrder");
    private readonly ServerCallContext _watchOrdersContext = new BenchServerCallContext("/acme.shop.v1.Orders/WatchOrders");

    private readonly UnaryServerMethod<GetOrderRequest, Order> _tracedGetOrder;
    private readonly ServerStreamingServerMethod<WatchOrdersRequest, Order> _tracedWatchOrders;
    private readonly UnaryServerMethod<GetOrderRequest, Order> _baselineGetOrder;
    private readonly ServerStreamingServerMethod<WatchOrdersRequest, Order> _baselineWatchOrders;

    protected TracedCallBenchmarks()
    {
        // Handler delegates bound once, as grpc-dotnet binds a service method to its handler.
        var traced = new BenchOrderService();
        var baseline = new BaselineOrderService();
        _tracedGetOrder = traced.GetOrder;
        _tracedWatchOrders = traced.WatchOrders;
        _baselineGetOrder = baseline.GetOrder;
        _baselineWatchOrders = baseline.WatchOrders;
    }

    [Benchmark(Baseline = true, Description = "GetOrder, no Contrail")]
    [BenchmarkCategory(UnaryCategory)]
    public Order UnaryBaseline() =>
        _baselineGetOrder(_getOrderRequest, _getOrderContext).GetAwaiter().GetResult();

    [Benchmark(Description = "GetOrder, traced")]
    [BenchmarkCategory(UnaryCategory)]
    public Order UnaryTraced() => CallUnary(_interceptor);

    [Benchmark(Baseline = true, Description = "WatchOrders x10, no Contrail")]
    [BenchmarkCategory(ServerStreamingCategory)]
    public void ServerStreamingBaseline() =>
        _baselineWatchOrders(_watchOrdersRequest, _responseStream, _watchOrdersContext).GetAwaiter().GetResult();

    [Benchmark(Description = "WatchOrders x10, traced")]
    [BenchmarkCategory(ServerStreamingCategory)]
    public void ServerStreamingTraced() => CallServerStreaming(_interceptor);

    /// <summary>One GetOrder call through <paramref name="interceptor"/> to the traced service's handler.</summary>
    protected Order CallUnary(Interceptor interceptor) =>
        interceptor.UnaryServerHandler(_getOrderRequest, _getOrderContext, _tracedGetOrder).GetAwaiter().GetResult();

    /// <summary>One WatchOrders call through <paramref name="interceptor"/> to the traced service's handler.</summary>
    protected void CallServerStreaming(Interceptor interceptor) =>
        interceptor.ServerStreamingServerHandler(_watchOrdersRequest, _responseStream, _watchOrdersContext, _tracedWatchOrders).GetAwaiter().GetResult();

    /// <summary>
    /// Runs one traced call of each kind outside the measurement, for the derived classes to check
    /// that their listeners see (or do not see) what they expect.
    /// </summary>
    protected void RunEachTracedCallOnce()
    {
        if (!ReferenceEquals(UnaryTraced(), BenchOrders.Order))
        {
            throw new InvalidOperationException("The traced GetOrder call did not return the service's response.");
        }

        var counting = new CountingServerStreamWriter<Order>();
        _interceptor.ServerStreamingServerHandler(_watchOrdersRequest, counting, _watchOrdersContext, _tracedWatchOrders).GetAwaiter().GetResult();
        if (counting.Count != BenchOrders.MessagesPerStream)
        {
            throw new InvalidOperationException($"The traced WatchOrders call wrote {counting.Count} messages, not {BenchOrders.MessagesPerStream}.");
        }

        ServerStreamingTraced();
    }

    private sealed class CountingServerStreamWriter<T> : IServerStreamWriter<T>
    {
        public int Count { get; private set; }

        public WriteOptions? WriteOptions { get; set; }

        public System.Threading.Tasks.Task WriteAsync(T message)
        {
            Count++;
            return System.Threading.Tasks.Task.CompletedTask;
        }
    }
}

/// <summary>
/// Nothing subscribes to Contrail's ActivitySource or Meter (and there is no ASP.NET Core request
/// span): the interceptor should pass every call straight through. A hand-written interceptor that
/// only calls the next handler shows what any interceptor costs here.
/// </summary>
public class NothingListeningBenchmarks : TracedCallBenchmarks
{
    private readonly Interceptor _passThrough = new PassThroughInterceptor();

    [Benchmark(Description = "GetOrder, empty interceptor")]
    [BenchmarkCategory(UnaryCategory)]
    public Order UnaryPassThrough() => CallUnary(_passThrough);

    [Benchmark(Description = "WatchOrders x10, empty interceptor")]
    [BenchmarkCategory(ServerStreamingCategory)]
    public void ServerStreamingPassThrough() => CallServerStreaming(_passThrough);

    [GlobalSetup]
    public void Setup()
    {
        if (Contrail.Generated.ContrailServerTelemetry.IsEnabled())
        {
            throw new InvalidOperationException("Something listens to Contrail's telemetry: this is not the nothing-listening case.");
        }

        RunEachTracedCallOnce();
        if (Activity.Current is not null)
        {
            throw new InvalidOperationException("A current Activity leaked into the nothing-listening benchmarks.");
        }
    }
}

/// <summary>
/// An ActivityListener records every span of "Contrail.Grpc.Server" (AllDataAndRecorded) and a
/// MeterListener takes every <c>rpc.server.call.duration</c> measurement: the full cost of one span
/// and one histogram record per call.
/// </summary>
public class RecordedBenchmarks : TracedCallBenchmarks
{
    private ActivityListener? _activityListener;
    private MeterListener? _meterListener;
    private long _spans;
    private long _measurements;
    private double _seconds;

    [GlobalSetup]
    public void Setup()
    {
        _activityListener = new ActivityListener
        {
            ShouldListenTo = static source => source.Name == TelemetryNames.InstrumentationName,
            Sample = static (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _ => _spans++,
        };
        ActivitySource.AddActivityListener(_activityListener);

        _meterListener = new MeterListener
        {
            InstrumentPublished = static (instrument, listener) =>
            {
                if (instrument.Meter.Name == TelemetryNames.InstrumentationName && instrument.Name == TelemetryNames.CallDuration)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        _meterListener.SetMeasurementEventCallback<double>((instrument, seconds, tags, state) =>
        {
            _measurements++;
            _seconds += seconds;
        });
        _meterListener.Start();

        RunEachTracedCallOnce();
        if (_spans != 3 || _measurements != 3)
        {
            throw new InvalidOperationException($"Expected 3 recorded spans and 3 measurements from the setup calls, saw {_spans} and {_measurements}.");
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _meterListener?.Dispose();
        _activityListener?.Dispose();
        if (_spans == 0 || _measurements != _spans || _seconds <= 0)
        {
            throw new InvalidOperationException($"Recorded {_spans} spans and {_measurements} measurements ({_seconds} s).");
        }
    }
}

/// <summary>The names Contrail's generated telemetry publishes under.</summary>
internal static class TelemetryNames
{
    public const string InstrumentationName = "Contrail.Grpc.Server";
    public const string CallDuration = "rpc.server.call.duration";
}
