// The further misuse shapes that the pages of CTR0001-CTR0009 and CTR4008 list, beyond the one case
// of each ID in OneOfEach/. A "// expect: ID" comment marks the line the diagnostic must be reported
// on: the attribute for CTR0001-CTR0009, the throw statement for CTR4008.
using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Acme.Shop.V1;
using Contrail;
using Grpc.Core;

namespace Corpus.Shapes;

// CTR0001: a code-first service, not built on a Grpc.Tools service base.
public interface IOrderContract
{
    Task<Order> GetOrderAsync(GetOrderRequest request);
}

[TracedService] // expect: CTR0001
public sealed class CodeFirstOrderService : IOrderContract
{
    public Task<Order> GetOrderAsync(GetOrderRequest request) => Task.FromResult(new Order { OrderId = request.OrderId });
}

[TracedService]
public sealed class MemberNotFoundService : Orders.OrdersBase
{
    [TraceTag("acme.customer.id", nameof(WatchOrdersRequest.CustomerId))] // expect: CTR0002
    [TraceTag("acme.customer.country", "Customer.Address.CountryCode")] // expect: CTR0002
    [TraceTag("acme.customer.tier", "Customer..Tier")] // expect: CTR0002
    [TraceTag("acme.order.empty", "")] // expect: CTR0002
    public override Task<Order> GetOrder(GetOrderRequest request, ServerCallContext context) =>
        Task.FromResult(new Order { OrderId = request.OrderId });
}

[TracedService]
public sealed class NotRecordableService : Orders.OrdersBase
{
    [TraceTag("acme.order.token", nameof(GetOrderRequest.Token))] // expect: CTR0003
    [TraceTag("acme.order.labels", nameof(GetOrderRequest.Labels))] // expect: CTR0003
    [TraceTag("acme.order.id_length", "OrderId.Length")] // expect: CTR0003
    public override Task<Order> GetOrder(GetOrderRequest request, ServerCallContext context) =>
        Task.FromResult(new Order { OrderId = request.OrderId });
}

[TracedService]
public sealed class DuplicateTagService : Orders.OrdersBase
{
    [TraceTag("acme.order.id", nameof(GetOrderRequest.OrderId))]
    [TraceTag("acme.order.id", "Customer.Id")] // expect: CTR0004
    [TraceTag("rpc.grpc.status_code", nameof(GetOrderRequest.PageSize))] // expect: CTR0004
    public override Task<Order> GetOrder(GetOrderRequest request, ServerCallContext context) =>
        Task.FromResult(new Order { OrderId = request.OrderId });
}

[TracedService]
public sealed class DuplexTagService : Orders.OrdersBase
{
    [TraceTag("acme.chat.text", nameof(ChatMessage.Text))] // expect: CTR0005
    public override async Task Chat(IAsyncStreamReader<ChatMessage> requestStream, IServerStreamWriter<ChatMessage> responseStream, ServerCallContext context)
    {
        while (await requestStream.MoveNext(context.CancellationToken))
        {
            await responseStream.WriteAsync(requestStream.Current, context.CancellationToken);
        }
    }
}

[TracedService]
public sealed class NonRpcMethodsService : Orders.OrdersBase
{
    // Hides the RPC method instead of overriding it.
    [NotTraced] // expect: CTR0006
    public new Task<HealthCheckResponse> Check(HealthCheckRequest request, ServerCallContext context) =>
        Task.FromResult(new HealthCheckResponse { Serving = true });

    // A helper is not an RPC method.
    [SpanStatus(GrpcStatusCode.NotFound)] // expect: CTR0006
    private static Order Load(string orderId) => new() { OrderId = orderId };

    // An overload of an RPC method with other parameters.
    [TraceTag("acme.order.id", nameof(GetOrderRequest.OrderId))] // expect: CTR0006
    public Task<Order> GetOrder(GetOrderRequest request) => Task.FromResult(Load(request.OrderId));

    // An override of another virtual method.
    [NotTraced] // expect: CTR0006
    public override string ToString() => nameof(NonRpcMethodsService);
}

// [SpanStatus] on a class that is not traced.
[SpanStatus(GrpcStatusCode.NotFound)] // expect: CTR0006
public sealed class UntracedStatusService : Orders.OrdersBase
{
}

[TracedService] // expect: CTR0007
public sealed class CachedOrderService<TCache> : Orders.OrdersBase
    where TCache : class
{
}

public static class Services
{
    [TracedService] // expect: CTR0007
    private sealed class PrivateOrderService : Orders.OrdersBase
    {
    }
}

[TracedService] // expect: CTR0007
file sealed class FileLocalOrderService : Orders.OrdersBase
{
}

[TracedService]
public sealed class InvalidTagNamesService : Orders.OrdersBase
{
    [TraceTag("", nameof(GetOrderRequest.OrderId))] // expect: CTR0008
    [TraceTag("acme..order.discount", nameof(GetOrderRequest.Discount))] // expect: CTR0008
    [TraceTag("acme.order.", nameof(GetOrderRequest.IncludeItems))] // expect: CTR0008
    public override Task<Order> GetOrder(GetOrderRequest request, ServerCallContext context) =>
        Task.FromResult(new Order { OrderId = request.OrderId });
}

[TracedService]
[SpanStatus(GrpcStatusCode.NotFound)]
[SpanStatus(GrpcStatusCode.NotFound, IsError = false)] // expect: CTR0009
[SpanStatus(GrpcStatusCode.Aborted)]
[SpanStatus(GrpcStatusCode.Aborted)] // expect: CTR0009
public sealed class SpanStatusService : Orders.OrdersBase
{
    [SpanStatus((GrpcStatusCode)42)] // expect: CTR0009
    public override Task<Order> GetOrder(GetOrderRequest request, ServerCallContext context) =>
        Task.FromResult(new Order { OrderId = request.OrderId });
}

[TracedService]
public sealed class UnmappedThrowsService : Orders.OrdersBase
{
    private readonly Dictionary<string, Order> _orders = new();

    public override Task<Order> GetOrder(GetOrderRequest request, ServerCallContext context)
    {
        if (!_orders.TryGetValue(request.OrderId, out var order))
        {
            throw new KeyNotFoundException($"Order {request.OrderId} was not found."); // expect: CTR4008
        }

        return Task.FromResult(order);
    }

    public override Task<HealthCheckResponse> Check(HealthCheckRequest request, ServerCallContext context)
    {
        var failure = new InvalidOperationException("The store is closed.");
        throw failure; // expect: CTR4008
    }

    public override Task WatchOrders(WatchOrdersRequest request, IServerStreamWriter<Order> responseStream, ServerCallContext context)
    {
        Func<Task> watch = () => throw new NotSupportedException("Watching is not supported."); // expect: CTR4008
        return watch();
    }

    // A helper that takes the call context is checked as part of the handler.
    private static void Authorize(ServerCallContext context)
    {
        if (context.RequestHeaders.Get("authorization") is null)
        {
            throw new UnauthorizedAccessException("No credentials."); // expect: CTR4008
        }
    }

    public override Task<UploadSummary> UploadOrders(IAsyncStreamReader<Order> requestStream, ServerCallContext context)
    {
        Authorize(context);
        return Task.FromResult(new UploadSummary());
    }
}
