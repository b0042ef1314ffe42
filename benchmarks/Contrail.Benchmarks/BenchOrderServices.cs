using System.Runtime.CompilerServices;
using System.Threading.Tasks;
using Acme.Shop.V1;
using Grpc.Core;

namespace Contrail.Benchmarks;

/// <summary>What both benchmark services do: nothing but hand back cached results, so the call cost is the pipeline's.</summary>
public static class BenchOrders
{
    /// <summary>The number of messages a WatchOrders call writes.</summary>
    public const int MessagesPerStream = 10;

    /// <summary>The one response every call returns or writes: no message allocation per call.</summary>
    public static readonly Order Order = new Order { OrderId = "bench-1", TotalCents = 4200 };

    /// <summary>GetOrder's result: a completed task, created once.</summary>
    public static readonly Task<Order> CompletedOrder = Task.FromResult(Order);

    /// <summary>Writes <see cref="MessagesPerStream"/> messages; with a writer that completes synchronously, it completes synchronously.</summary>
    public static async Task WriteOrdersAsync(IServerStreamWriter<Order> responseStream)
    {
        for (var i = 0; i < MessagesPerStream; i++)
        {
            await responseStream.WriteAsync(Order).ConfigureAwait(false);
        }
    }
}

// The handlers are never inlined, in both services: a gRPC server calls them through a delegate it
// binds at startup, and the baseline must not shrink to a field read that the JIT inlined into the benchmark.

/// <summary>The traced service: Contrail generates <c>BenchOrderServiceContrailInterceptor</c> for it.</summary>
[TracedService]
public sealed class BenchOrderService : Orders.OrdersBase
{
    [MethodImpl(MethodImplOptions.NoInlining)]
    public override Task<Order> GetOrder(GetOrderRequest request, ServerCallContext context) => BenchOrders.CompletedOrder;

    [MethodImpl(MethodImplOptions.NoInlining)]
    public override Task WatchOrders(WatchOrdersRequest request, IServerStreamWriter<Order> responseStream, ServerCallContext context) =>
        BenchOrders.WriteOrdersAsync(responseStream);
}

/// <summary>The baseline: the same service without <c>[TracedService]</c>, so without Contrail.</summary>
public sealed class BaselineOrderService : Orders.OrdersBase
{
    [MethodImpl(MethodImplOptions.NoInlining)]
    public override Task<Order> GetOrder(GetOrderRequest request, ServerCallContext context) => BenchOrders.CompletedOrder;

    [MethodImpl(MethodImplOptions.NoInlining)]
    public override Task WatchOrders(WatchOrdersRequest request, IServerStreamWriter<Order> responseStream, ServerCallContext context) =>
        BenchOrders.WriteOrdersAsync(responseStream);
}

/// <summary>A response stream that drops every message and returns a cached completed task.</summary>
public sealed class NullServerStreamWriter<T> : IServerStreamWriter<T>
{
    public WriteOptions? WriteOptions { get; set; }

    public Task WriteAsync(T message) => Task.CompletedTask;
}
