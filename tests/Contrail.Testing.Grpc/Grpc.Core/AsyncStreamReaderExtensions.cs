using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;

namespace Grpc.Core;

/// <summary>
/// Extension methods for <see cref="IAsyncStreamReader{T}"/>. Upstream splits this class across two
/// assemblies (MoveNext in Grpc.Core.Api, ReadAllAsync in Grpc.Net.Common); here it is one class.
/// </summary>
public static class AsyncStreamReaderExtensions
{
    public static Task<bool> MoveNext<T>(this IAsyncStreamReader<T> streamReader)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(streamReader);
        return streamReader.MoveNext(CancellationToken.None);
    }

    public static IAsyncEnumerable<T> ReadAllAsync<T>(this IAsyncStreamReader<T> streamReader, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(streamReader);
        return ReadAll(streamReader, cancellationToken);

        static async IAsyncEnumerable<T> ReadAll(IAsyncStreamReader<T> reader, [EnumeratorCancellation] CancellationToken token)
        {
            while (await reader.MoveNext(token).ConfigureAwait(false))
            {
                yield return reader.Current;
            }
        }
    }
}
