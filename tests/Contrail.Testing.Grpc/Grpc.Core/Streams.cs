using System;
using System.Threading;
using System.Threading.Tasks;

namespace Grpc.Core;

/// <summary>A stream of messages to be read.</summary>
public interface IAsyncStreamReader<out T>
{
    /// <summary>The current element; valid after <see cref="MoveNext"/> returned true.</summary>
    T Current { get; }

    /// <summary>Advances to the next element; returns false at the end of the stream.</summary>
    Task<bool> MoveNext(CancellationToken cancellationToken);
}

/// <summary>A writable stream of messages.</summary>
public interface IAsyncStreamWriter<in T>
{
    Task WriteAsync(T message);

    /// <summary>Writes a message; implementations that support cancellation override this.</summary>
    Task WriteAsync(T message, CancellationToken cancellationToken)
    {
        if (cancellationToken.CanBeCanceled)
        {
            throw new NotSupportedException("Cancellation of stream writes is not supported by this gRPC implementation.");
        }

        return WriteAsync(message);
    }

    /// <summary>Write options used for subsequent writes; null means the call's default.</summary>
    WriteOptions? WriteOptions { get; set; }
}

/// <summary>A writable stream of messages used on the server side.</summary>
public interface IServerStreamWriter<in T> : IAsyncStreamWriter<T>
{
}

/// <summary>A client-side writable stream of messages with a way to signal completion.</summary>
public interface IClientStreamWriter<in T> : IAsyncStreamWriter<T>
{
    /// <summary>Completes the stream (half-close); no more writes are allowed.</summary>
    Task CompleteAsync();
}
