using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Grpc.Core;

namespace Contrail.Testing.Grpc;

/// <summary>
/// A request stream fed from a list. By default it yields every message and then ends. With
/// <see cref="StopAfter"/> it stops after that many messages, and then either ends, throws
/// <see cref="Exception"/>, or (with <see cref="WaitForCancellation"/>) waits until the token passed
/// to MoveNext or <see cref="CallCancellationToken"/> is cancelled and completes as cancelled.
/// Like upstream's reader, MoveNext with an already-cancelled token returns a cancelled task.
/// </summary>
public sealed class TestAsyncStreamReader<T> : IAsyncStreamReader<T>
{
    private readonly IReadOnlyList<T> _messages;
    private int _position;

    public TestAsyncStreamReader(IEnumerable<T> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        _messages = messages.ToList();
    }

    /// <summary>A reader that yields the first <paramref name="count"/> messages, then throws <paramref name="exception"/>.</summary>
    public static TestAsyncStreamReader<T> FailingAfter(IEnumerable<T> messages, int count, Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return new TestAsyncStreamReader<T>(messages) { StopAfter = count, Exception = exception };
    }

    /// <summary>
    /// A reader that yields the first <paramref name="count"/> messages, then waits for cancellation of
    /// the MoveNext token or of <paramref name="callCancellationToken"/> (typically the call context's token).
    /// </summary>
    public static TestAsyncStreamReader<T> CancelledAfter(IEnumerable<T> messages, int count, CancellationToken callCancellationToken = default)
    {
        return new TestAsyncStreamReader<T>(messages) { StopAfter = count, WaitForCancellation = true, CallCancellationToken = callCancellationToken };
    }

    /// <summary>Number of messages yielded before the end behaviour applies; null means all of them.</summary>
    public int? StopAfter { get; init; }

    /// <summary>If set, thrown (as a faulted task) where the stream would otherwise end.</summary>
    public Exception? Exception { get; init; }

    /// <summary>If true, instead of ending the stream MoveNext waits for cancellation.</summary>
    public bool WaitForCancellation { get; init; }

    /// <summary>A token observed in addition to the MoveNext token while waiting for cancellation.</summary>
    public CancellationToken CallCancellationToken { get; init; }

    public T Current { get; private set; } = default!;

    /// <summary>How many messages the reader has yielded.</summary>
    public int ReadCount => _position;

    /// <summary>How many times MoveNext was called.</summary>
    public int MoveNextCount { get; private set; }

    /// <summary>Whether MoveNext reached the end behaviour (end of stream, exception or cancellation wait).</summary>
    public bool ReachedEnd { get; private set; }

    public Task<bool> MoveNext(CancellationToken cancellationToken)
    {
        MoveNextCount++;
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<bool>(cancellationToken);
        }

        var limit = Math.Min(StopAfter ?? _messages.Count, _messages.Count);
        if (_position < limit)
        {
            Current = _messages[_position++];
            return Task.FromResult(true);
        }

        ReachedEnd = true;
        Current = default!;
        if (Exception is not null)
        {
            return Task.FromException<bool>(Exception);
        }

        return WaitForCancellation ? WaitForCancellationAsync(cancellationToken) : Task.FromResult(false);
    }

    private async Task<bool> WaitForCancellationAsync(CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, CallCancellationToken);
        await Task.Delay(Timeout.Infinite, linked.Token).ConfigureAwait(false);
        return false;
    }
}
