using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using Acme.Shop.V1;
using Grpc.Core;

namespace Contrail.Generators.Tests.Behaviour;

/// <summary>The four gRPC method kinds, one RPC of <c>acme.shop.v1.Orders</c> each.</summary>
public enum RpcKind
{
    /// <summary><c>GetOrder</c>.</summary>
    Unary,

    /// <summary><c>WatchOrders</c>.</summary>
    ServerStreaming,

    /// <summary><c>UploadOrders</c>.</summary>
    ClientStreaming,

    /// <summary><c>Chat</c>.</summary>
    DuplexStreaming,
}

/// <summary>How a loopback call ends. The client sends it in the <c>loopback-outcome</c> header; the
/// server and the client each play their part (see <see cref="LoopbackShopService"/> and <see cref="LoopbackCalls"/>).</summary>
public enum LoopbackOutcome
{
    /// <summary>The call completes normally.</summary>
    Ok,

    /// <summary>The handler throws an <see cref="RpcException"/> with UNAVAILABLE (an error by the conventions' server rule).</summary>
    RpcException,

    /// <summary>The handler throws <see cref="OrderNotFoundException"/>, mapped to NOT_FOUND with an ErrorInfo (not an error on the server).</summary>
    MappedError,

    /// <summary>The handler throws an unmapped <see cref="InvalidOperationException"/>: UNKNOWN.</summary>
    UnmappedException,

    /// <summary>The server holds the call open; the caller cancels its token once it has the response headers (and, streaming, a message).</summary>
    CallerCancel,

    /// <summary>The server holds the call open until the caller's short deadline passes.</summary>
    Deadline,

    /// <summary>The server holds the call open; the caller disposes the call mid-stream.</summary>
    ClientAbort,

    /// <summary>The handler aborts the request (<c>HttpContext.Abort()</c>), which resets the HTTP/2 stream.</summary>
    ServerAbort,
}

/// <summary>
/// A traced service whose every method can end each <see cref="LoopbackOutcome"/>, chosen by the
/// <c>loopback-outcome</c> request header. The handler tags its server span with the outcome
/// (<see cref="OutcomeTag"/>), so a listener can tell what each span was meant to record.
/// </summary>
[TracedService]
public sealed class LoopbackShopService : Orders.OrdersBase
{
    /// <summary>The request header that carries the outcome.</summary>
    public const string OutcomeHeader = "loopback-outcome";

    /// <summary>The span tag the handler sets to the outcome's name.</summary>
    public const string OutcomeTag = "loopback.outcome";

    /// <inheritdoc />
    public override async Task<Order> GetOrder(GetOrderRequest request, ServerCallContext context)
    {
        var outcome = await EnterAsync(context);
        ThrowIfFailure(outcome);
        if (IsHeld(outcome))
        {
            await context.WriteResponseHeadersAsync(new Metadata());
            await HoldAsync(context);
        }

        await Task.Yield();
        return new Order { OrderId = request.OrderId, TotalCents = 4200 };
    }

    /// <inheritdoc />
    public override async Task WatchOrders(WatchOrdersRequest request, IServerStreamWriter<Order> responseStream, ServerCallContext context)
    {
        var outcome = await EnterAsync(context);
        if (outcome != LoopbackOutcome.Ok)
        {
            // One message first: errors and holds happen mid-stream.
            await responseStream.WriteAsync(new Order { OrderId = request.CustomerId + "-0" });
            ThrowIfFailure(outcome);
            await HoldAsync(context);
        }

        for (var i = 0; i < request.Count; i++)
        {
            await responseStream.WriteAsync(new Order { OrderId = $"{request.CustomerId}-{i}" });
        }
    }

    /// <inheritdoc />
    public override async Task<UploadSummary> UploadOrders(IAsyncStreamReader<Order> requestStream, ServerCallContext context)
    {
        var outcome = await EnterAsync(context);
        if (IsHeld(outcome))
        {
            // Tells the caller the handler runs: it cancels, aborts or waits for its deadline only then.
            await context.WriteResponseHeadersAsync(new Metadata());
        }

        var count = 0;
        while (await requestStream.MoveNext(context.CancellationToken))
        {
            count++;
            ThrowIfFailure(outcome);
        }

        return new UploadSummary { Count = count };
    }

    /// <inheritdoc />
    public override async Task Chat(IAsyncStreamReader<ChatMessage> requestStream, IServerStreamWriter<ChatMessage> responseStream, ServerCallContext context)
    {
        var outcome = await EnterAsync(context);
        if (IsHeld(outcome))
        {
            await context.WriteResponseHeadersAsync(new Metadata());
        }

        while (await requestStream.MoveNext(context.CancellationToken))
        {
            ThrowIfFailure(outcome);
            await responseStream.WriteAsync(new ChatMessage { Text = "echo: " + requestStream.Current.Text });
        }
    }

    private static async Task<LoopbackOutcome> EnterAsync(ServerCallContext context)
    {
        var outcome = Enum.Parse<LoopbackOutcome>(context.RequestHeaders.GetValue(OutcomeHeader) ?? nameof(LoopbackOutcome.Ok));

        // Activity.Current is the server span Contrail started for this call.
        Activity.Current?.SetTag(OutcomeTag, outcome.ToString());
        if (outcome == LoopbackOutcome.ServerAbort)
        {
            // Kestrel cancels the call's token shortly after, on the thread pool: wait for it, so the
            // handler cannot complete normally first.
            context.GetHttpContext().Abort();
            await HoldAsync(context);
        }

        return outcome;
    }

    /// <summary>The outcomes for which the server keeps the call open until something else ends it.</summary>
    private static bool IsHeld(LoopbackOutcome outcome) =>
        outcome is LoopbackOutcome.CallerCancel or LoopbackOutcome.Deadline or LoopbackOutcome.ClientAbort;

    private static void ThrowIfFailure(LoopbackOutcome outcome)
    {
        switch (outcome)
        {
            case LoopbackOutcome.RpcException:
                throw new RpcException(new Status(StatusCode.Unavailable, "Inventory is unavailable."));
            case LoopbackOutcome.MappedError:
                throw new OrderNotFoundException("o-404");
            case LoopbackOutcome.UnmappedException:
                // Deliberately unmapped: gRPC's default handling applies.
#pragma warning disable CTR4008
                throw new InvalidOperationException("The order store failed.");
#pragma warning restore CTR4008
        }
    }

    /// <summary>Waits until the call is cancelled: by the caller, its deadline, a reset or the server's abort.</summary>
    private static Task HoldAsync(ServerCallContext context) => Task.Delay(Timeout.InfiniteTimeSpan, context.CancellationToken);
}
