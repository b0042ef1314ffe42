using System;
using System.Threading;

namespace Grpc.Core;

/// <summary>Options for a client call. The With* methods return modified copies.</summary>
public struct CallOptions
{
    private Metadata? _headers;
    private DateTime? _deadline;
    private CancellationToken _cancellationToken;
    private WriteOptions? _writeOptions;
    private ContextPropagationToken? _propagationToken;
    private CallCredentials? _credentials;
    private bool _waitForReady;

    public CallOptions(Metadata? headers = null, DateTime? deadline = null, CancellationToken cancellationToken = default(CancellationToken),
                       WriteOptions? writeOptions = null, ContextPropagationToken? propagationToken = null, CallCredentials? credentials = null)
    {
        _headers = headers;
        _deadline = deadline;
        _cancellationToken = cancellationToken;
        _writeOptions = writeOptions;
        _propagationToken = propagationToken;
        _credentials = credentials;
        _waitForReady = false;
    }

    public Metadata? Headers => _headers;

    public DateTime? Deadline => _deadline;

    public CancellationToken CancellationToken => _cancellationToken;

    public WriteOptions? WriteOptions => _writeOptions;

    public ContextPropagationToken? PropagationToken => _propagationToken;

    public CallCredentials? Credentials => _credentials;

    public bool IsWaitForReady => _waitForReady;

    public CallOptions WithHeaders(Metadata headers)
    {
        var copy = this;
        copy._headers = headers;
        return copy;
    }

    public CallOptions WithDeadline(DateTime deadline)
    {
        var copy = this;
        copy._deadline = deadline;
        return copy;
    }

    public CallOptions WithCancellationToken(CancellationToken cancellationToken)
    {
        var copy = this;
        copy._cancellationToken = cancellationToken;
        return copy;
    }

    public CallOptions WithWriteOptions(WriteOptions writeOptions)
    {
        var copy = this;
        copy._writeOptions = writeOptions;
        return copy;
    }

    public CallOptions WithPropagationToken(ContextPropagationToken propagationToken)
    {
        var copy = this;
        copy._propagationToken = propagationToken;
        return copy;
    }

    public CallOptions WithCredentials(CallCredentials credentials)
    {
        var copy = this;
        copy._credentials = credentials;
        return copy;
    }

    public CallOptions WithWaitForReady(bool waitForReady = true)
    {
        var copy = this;
        copy._waitForReady = waitForReady;
        return copy;
    }
}
