using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Grpc.Core;

namespace Contrail.Testing.Grpc;

/// <summary>
/// A response stream that records every message written, with the write options in effect.
/// Mirrors upstream's writer: null messages are rejected, a cancelled token cancels the write, and
/// writes after <see cref="Complete"/> (or after the bound context's call is cancelled) throw.
/// When bound to a <see cref="TestServerCallContext"/>, <see cref="WriteOptions"/> is the context's
/// and the first write marks the response as started.
/// </summary>
public sealed class TestServerStreamWriter<T> : IServerStreamWriter<T>
{
    private readonly TestServerCallContext? _context;
    private readonly List<(T Message, WriteOptions? Options)> _writes = new List<(T, WriteOptions?)>();
    private readonly object _lock = new object();
    private WriteOptions? _writeOptions;

    public TestServerStreamWriter(TestServerCallContext? context = null)
    {
        _context = context;
    }

    /// <summary>The messages written, in order.</summary>
    public IReadOnlyList<T> Messages
    {
        get
        {
            lock (_lock)
            {
                return _writes.Select(write => write.Message).ToList();
            }
        }
    }

    /// <summary>The messages written, each with the <see cref="WriteOptions"/> in effect when it was written.</summary>
    public IReadOnlyList<(T Message, WriteOptions? Options)> Writes
    {
        get
        {
            lock (_lock)
            {
                return _writes.ToList();
            }
        }
    }

    /// <summary>If set, the write after <see cref="FailAfter"/> successful writes (and every later one) throws this.</summary>
    public Exception? WriteException { get; set; }

    /// <summary>Number of writes that succeed before <see cref="WriteException"/> is thrown (0 by default).</summary>
    public int FailAfter { get; set; }

    /// <summary>Whether the call ended (the invoker completes the writer when the handler returns).</summary>
    public bool IsCompleted { get; private set; }

    public WriteOptions? WriteOptions
    {
        get => _context is null ? _writeOptions : _context.WriteOptions;
        set
        {
            if (_context is null)
            {
                _writeOptions = value;
            }
            else
            {
                _context.WriteOptions = value;
            }
        }
    }

    /// <summary>Marks the stream complete; later writes throw <see cref="InvalidOperationException"/>.</summary>
    public void Complete() => IsCompleted = true;

    public Task WriteAsync(T message) => WriteAsync(message, CancellationToken.None);

    public Task WriteAsync(T message, CancellationToken cancellationToken)
    {
        if (message is null)
        {
            return Task.FromException(new ArgumentNullException(nameof(message)));
        }

        if (cancellationToken.IsCancellationRequested)
        {
            _context?.Cancel();
            return Task.FromCanceled(cancellationToken);
        }

        if (IsCompleted || (_context?.CancellationToken.IsCancellationRequested ?? false))
        {
            return Task.FromException(new InvalidOperationException("Can't write the message because the request is complete."));
        }

        lock (_lock)
        {
            if (WriteException is not null && _writes.Count >= FailAfter)
            {
                return Task.FromException(WriteException);
            }

            _writes.Add((message, WriteOptions));
        }

        _context?.MarkResponseStarted();
        return Task.CompletedTask;
    }
}
