using System;
using System.Threading;
using System.Threading.Tasks;
using Acme.Shop.V1;
using Grpc.Core;

namespace Contrail.Generators.Tests.Behaviour;

/// <summary>
/// The client's part of each <see cref="LoopbackOutcome"/>, for each <see cref="RpcKind"/>. Every
/// task a call creates is awaited, so a failed call leaves no unobserved exception behind.
/// </summary>
internal static class LoopbackCalls
{
    /// <summary>What the server records for each outcome, as <c>rpc.response.status_code</c>.</summary>
    public static StatusCode ExpectedServerStatus(LoopbackOutcome outcome) => outcome switch
    {
        LoopbackOutcome.Ok => StatusCode.OK,
        LoopbackOutcome.RpcException => StatusCode.Unavailable,
        LoopbackOutcome.MappedError => StatusCode.NotFound,
        LoopbackOutcome.UnmappedException => StatusCode.Unknown,
        LoopbackOutcome.Deadline => StatusCode.DeadlineExceeded,
        _ => StatusCode.Cancelled,
    };

    /// <summary>Makes one call and returns the status the client ends with.</summary>
    /// <param name="client">The client to call with.</param>
    /// <param name="kind">Which RPC.</param>
    /// <param name="outcome">How the call should end.</param>
    /// <param name="deadline">The deadline's distance for <see cref="LoopbackOutcome.Deadline"/>.</param>
    public static async Task<Status> InvokeAsync(Orders.OrdersClient client, RpcKind kind, LoopbackOutcome outcome, TimeSpan deadline)
    {
        using var cancellation = new CancellationTokenSource();
        var options = new CallOptions(
            headers: new Metadata { { LoopbackShopService.OutcomeHeader, OutcomeNames[(int)outcome] } },
            deadline: outcome == LoopbackOutcome.Deadline ? DateTime.UtcNow + deadline : null,
            cancellationToken: cancellation.Token);
        try
        {
            switch (kind)
            {
                case RpcKind.Unary:
                    await UnaryAsync(client, outcome, options, cancellation);
                    break;
                case RpcKind.ServerStreaming:
                    await ServerStreamingAsync(client, outcome, options, cancellation);
                    break;
                case RpcKind.ClientStreaming:
                    await ClientStreamingAsync(client, outcome, options, cancellation);
                    break;
                default:
                    await DuplexStreamingAsync(client, outcome, options, cancellation);
                    break;
            }

            // A disposed call is not read again: the caller ended it, as CANCELLED.
            return outcome == LoopbackOutcome.ClientAbort ? new Status(StatusCode.Cancelled, "Disposed by the caller.") : Status.DefaultSuccess;
        }
        catch (RpcException exception)
        {
            return exception.Status;
        }
        catch (Exception exception) when (exception is System.Net.Http.HttpRequestException or System.IO.IOException)
        {
            // Grpc.Net.Client lets a transport error on a request-stream write through as it is; it is
            // still how the call ended for the caller.
            return new Status(StatusCode.Internal, "Transport: " + exception.Message, exception);
        }
    }

    private static readonly string[] OutcomeNames = Enum.GetNames<LoopbackOutcome>();

    /// <summary>
    /// Whether a call can end before the server sees it: only a deadline, which can pass while the request
    /// is still on its way (the other held outcomes act once the response headers have arrived).
    /// </summary>
    public static bool EndsOnTheClient(LoopbackOutcome outcome) => outcome == LoopbackOutcome.Deadline;

    private static bool IsHeld(LoopbackOutcome outcome) =>
        outcome is LoopbackOutcome.CallerCancel or LoopbackOutcome.Deadline or LoopbackOutcome.ClientAbort;

    /// <summary>Ends a held call the caller's way: cancel the token, dispose the call, or let the deadline pass.</summary>
    /// <returns>Whether the call was disposed, so must not be read again.</returns>
    private static bool EndHeld(LoopbackOutcome outcome, CancellationTokenSource cancellation, IDisposable call)
    {
        if (outcome == LoopbackOutcome.CallerCancel)
        {
            cancellation.Cancel();
        }
        else if (outcome == LoopbackOutcome.ClientAbort)
        {
            call.Dispose();
            return true;
        }

        return false;
    }

    private static async Task UnaryAsync(Orders.OrdersClient client, LoopbackOutcome outcome, CallOptions options, CancellationTokenSource cancellation)
    {
        using var call = client.GetOrderAsync(new GetOrderRequest { OrderId = "o-1" }, options);
        if (IsHeld(outcome))
        {
            // The server sends its headers from inside the handler: the call is traced by now.
            await call.ResponseHeadersAsync;
            if (EndHeld(outcome, cancellation, call))
            {
                return;
            }
        }

        await call.ResponseAsync;
    }

    private static async Task ServerStreamingAsync(Orders.OrdersClient client, LoopbackOutcome outcome, CallOptions options, CancellationTokenSource cancellation)
    {
        using var call = client.WatchOrders(new WatchOrdersRequest { CustomerId = "c", Count = 3 }, options);
        if (IsHeld(outcome))
        {
            // Mid-stream: one message read, then the caller ends the call.
            await call.ResponseStream.MoveNext(CancellationToken.None);
            if (EndHeld(outcome, cancellation, call))
            {
                return;
            }
        }

        while (await call.ResponseStream.MoveNext(CancellationToken.None))
        {
        }
    }

    private static async Task ClientStreamingAsync(Orders.OrdersClient client, LoopbackOutcome outcome, CallOptions options, CancellationTokenSource cancellation)
    {
        using var call = client.UploadOrders(options);
        if (outcome == LoopbackOutcome.ServerAbort)
        {
            await call.ResponseAsync;
            return;
        }

        if (IsHeld(outcome))
        {
            await call.ResponseHeadersAsync;
            await call.RequestStream.WriteAsync(new Order { OrderId = "o-1" });
            if (!EndHeld(outcome, cancellation, call))
            {
                await call.ResponseAsync;
            }

            return;
        }

        await call.RequestStream.WriteAsync(new Order { OrderId = "o-1" });
        if (outcome != LoopbackOutcome.Ok)
        {
            // The handler throws on the first message it reads.
            await call.ResponseAsync;
            return;
        }

        await call.RequestStream.WriteAsync(new Order { OrderId = "o-2" });
        await call.RequestStream.CompleteAsync();
        await call.ResponseAsync;
    }

    private static async Task DuplexStreamingAsync(Orders.OrdersClient client, LoopbackOutcome outcome, CallOptions options, CancellationTokenSource cancellation)
    {
        using var call = client.Chat(options);
        if (outcome == LoopbackOutcome.ServerAbort)
        {
            await call.ResponseStream.MoveNext(CancellationToken.None);
            return;
        }

        if (IsHeld(outcome))
        {
            await call.ResponseHeadersAsync;
        }

        await call.RequestStream.WriteAsync(new ChatMessage { Text = "hi" });
        if (outcome == LoopbackOutcome.Ok || IsHeld(outcome))
        {
            // The echo: the exchange is mid-stream now. A failing handler throws instead.
            await call.ResponseStream.MoveNext(CancellationToken.None);
        }

        if (IsHeld(outcome))
        {
            if (EndHeld(outcome, cancellation, call))
            {
                return;
            }
        }
        else if (outcome == LoopbackOutcome.Ok)
        {
            await call.RequestStream.CompleteAsync();
        }

        while (await call.ResponseStream.MoveNext(CancellationToken.None))
        {
        }
    }
}
