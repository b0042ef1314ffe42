// One misuse of each [TracedService] diagnostic (CTR0001-CTR0009) and of CTR4008, as written on
// their pages under docs/diagnostics. A "// expect: ID" comment marks the line the diagnostic must be
// reported on: the attribute for CTR0001-CTR0009, the throw statement for CTR4008.
using System;
using System.Threading.Tasks;
using Acme.Shop.V1;
using Contrail;
using Grpc.Core;

namespace Corpus.OneOfEach;

// CTR0001: the attribute is on the class that holds the logic, not on the gRPC service.
[TracedService] // expect: CTR0001
public sealed class OrderProcessor
{
    public Task<Order> LoadAsync(string orderId) => Task.FromResult(new Order { OrderId = orderId });
}

// CTR0002: the proto field name instead of the C# property name.
[TracedService]
public sealed class MemberNotFoundService : Orders.OrdersBase
{
    [TraceTag("acme.order.id", "order_id")] // expect: CTR0002
    public override Task<Order> GetOrder(GetOrderRequest request, ServerCallContext context) =>
        Task.FromResult(new Order { OrderId = request.OrderId });
}

// CTR0003: a nested message is not a span attribute value.
[TracedService]
public sealed class NotRecordableService : Orders.OrdersBase
{
    [TraceTag("acme.customer", nameof(GetOrderRequest.Customer))] // expect: CTR0003
    public override Task<Order> GetOrder(GetOrderRequest request, ServerCallContext context) =>
        Task.FromResult(new Order { OrderId = request.OrderId });
}

// CTR0004: a name Contrail sets itself.
[TracedService]
public sealed class ReservedTagService : Orders.OrdersBase
{
    [TraceTag("rpc.method", nameof(GetOrderRequest.OrderId))] // expect: CTR0004
    public override Task<Order> GetOrder(GetOrderRequest request, ServerCallContext context) =>
        Task.FromResult(new Order { OrderId = request.OrderId });
}

// CTR0005: a client-streaming method has no single request to read a tag from.
[TracedService]
public sealed class StreamingTagService : Orders.OrdersBase
{
    [TraceTag("acme.order.id", nameof(Order.OrderId))] // expect: CTR0005
    public override async Task<UploadSummary> UploadOrders(IAsyncStreamReader<Order> requestStream, ServerCallContext context)
    {
        var count = 0;
        while (await requestStream.MoveNext(context.CancellationToken))
        {
            count++;
        }

        return new UploadSummary { Count = count };
    }
}

// CTR0006: [TracedService] is missing, so the tag does nothing.
public sealed class UntracedOrderService : Orders.OrdersBase
{
    [TraceTag("acme.order.id", nameof(GetOrderRequest.OrderId))] // expect: CTR0006
    public override Task<Order> GetOrder(GetOrderRequest request, ServerCallContext context) =>
        Task.FromResult(new Order { OrderId = request.OrderId });
}

// CTR0007: an abstract class is never the class gRPC instantiates.
[TracedService] // expect: CTR0007
public abstract class AbstractOrderServiceBase : Orders.OrdersBase
{
    public override Task<Order> GetOrder(GetOrderRequest request, ServerCallContext context) =>
        Task.FromResult(new Order { OrderId = request.OrderId });
}

public sealed class ConcreteOrderService : AbstractOrderServiceBase
{
}

// CTR0008: white space in a span attribute name.
[TracedService]
public sealed class InvalidTagNameService : Orders.OrdersBase
{
    [TraceTag("acme order page size", nameof(GetOrderRequest.PageSize))] // expect: CTR0008
    public override Task<Order> GetOrder(GetOrderRequest request, ServerCallContext context) =>
        Task.FromResult(new Order { OrderId = request.OrderId });
}

// CTR0009: OK never marks a span as an error.
[TracedService]
[SpanStatus(GrpcStatusCode.OK)] // expect: CTR0009
public sealed class OkStatusService : Orders.OrdersBase
{
    public override Task<Order> GetOrder(GetOrderRequest request, ServerCallContext context) =>
        Task.FromResult(new Order { OrderId = request.OrderId });
}

// CTR4008: an exception without a [GrpcError] mapping thrown from a traced handler.
[TracedService]
public sealed class UnmappedThrowService : Orders.OrdersBase
{
    public override Task<Order> GetOrder(GetOrderRequest request, ServerCallContext context)
    {
        if (string.IsNullOrEmpty(request.OrderId))
        {
            throw new ArgumentException("An order ID is required.", nameof(request)); // expect: CTR4008
        }

        return Task.FromResult(new Order { OrderId = request.OrderId });
    }
}
