using System;
using System.Runtime.CompilerServices;
using System.Threading.Tasks;

namespace Grpc.Core;

/// <summary>Return type of asynchronous unary calls; awaitable for the response.</summary>
public sealed class AsyncUnaryCall<TResponse> : IDisposable
{
    private readonly CallState _callState;

    public AsyncUnaryCall(Task<TResponse> responseAsync,
                          Task<Metadata> responseHeadersAsync,
                          Func<Status> getStatusFunc,
                          Func<Metadata> getTrailersFunc,
                          Action disposeAction)
    {
        ResponseAsync = responseAsync;
        _callState = new CallState(responseHeadersAsync, getStatusFunc, getTrailersFunc, disposeAction);
    }

    public AsyncUnaryCall(Task<TResponse> responseAsync,
                          Func<object, Task<Metadata>> responseHeadersAsync,
                          Func<object, Status> getStatusFunc,
                          Func<object, Metadata> getTrailersFunc,
                          Action<object> disposeAction,
                          object state)
    {
        ResponseAsync = responseAsync;
        _callState = new CallState(responseHeadersAsync, getStatusFunc, getTrailersFunc, disposeAction, state);
    }

    public Task<TResponse> ResponseAsync { get; }

    public Task<Metadata> ResponseHeadersAsync => _callState.ResponseHeadersAsync();

    public TaskAwaiter<TResponse> GetAwaiter() => ResponseAsync.GetAwaiter();

    public ConfiguredTaskAwaitable<TResponse> ConfigureAwait(bool continueOnCapturedContext) => ResponseAsync.ConfigureAwait(continueOnCapturedContext);

    public Status GetStatus() => _callState.GetStatus();

    public Metadata GetTrailers() => _callState.GetTrailers();

    public void Dispose() => _callState.Dispose();
}

/// <summary>Return type of server streaming calls.</summary>
public sealed class AsyncServerStreamingCall<TResponse> : IDisposable
{
    private readonly CallState _callState;

    public AsyncServerStreamingCall(IAsyncStreamReader<TResponse> responseStream,
                                    Task<Metadata> responseHeadersAsync,
                                    Func<Status> getStatusFunc,
                                    Func<Metadata> getTrailersFunc,
                                    Action disposeAction)
    {
        ResponseStream = responseStream;
        _callState = new CallState(responseHeadersAsync, getStatusFunc, getTrailersFunc, disposeAction);
    }

    public AsyncServerStreamingCall(IAsyncStreamReader<TResponse> responseStream,
                                    Func<object, Task<Metadata>> responseHeadersAsync,
                                    Func<object, Status> getStatusFunc,
                                    Func<object, Metadata> getTrailersFunc,
                                    Action<object> disposeAction,
                                    object state)
    {
        ResponseStream = responseStream;
        _callState = new CallState(responseHeadersAsync, getStatusFunc, getTrailersFunc, disposeAction, state);
    }

    public IAsyncStreamReader<TResponse> ResponseStream { get; }

    public Task<Metadata> ResponseHeadersAsync => _callState.ResponseHeadersAsync();

    public Status GetStatus() => _callState.GetStatus();

    public Metadata GetTrailers() => _callState.GetTrailers();

    public void Dispose() => _callState.Dispose();
}

/// <summary>Return type of client streaming calls; awaitable for the response.</summary>
public sealed class AsyncClientStreamingCall<TRequest, TResponse> : IDisposable
{
    private readonly CallState _callState;

    public AsyncClientStreamingCall(IClientStreamWriter<TRequest> requestStream,
                                    Task<TResponse> responseAsync,
                                    Task<Metadata> responseHeadersAsync,
                                    Func<Status> getStatusFunc,
                                    Func<Metadata> getTrailersFunc,
                                    Action disposeAction)
    {
        RequestStream = requestStream;
        ResponseAsync = responseAsync;
        _callState = new CallState(responseHeadersAsync, getStatusFunc, getTrailersFunc, disposeAction);
    }

    public AsyncClientStreamingCall(IClientStreamWriter<TRequest> requestStream,
                                    Task<TResponse> responseAsync,
                                    Func<object, Task<Metadata>> responseHeadersAsync,
                                    Func<object, Status> getStatusFunc,
                                    Func<object, Metadata> getTrailersFunc,
                                    Action<object> disposeAction,
                                    object state)
    {
        RequestStream = requestStream;
        ResponseAsync = responseAsync;
        _callState = new CallState(responseHeadersAsync, getStatusFunc, getTrailersFunc, disposeAction, state);
    }

    public Task<TResponse> ResponseAsync { get; }

    public Task<Metadata> ResponseHeadersAsync => _callState.ResponseHeadersAsync();

    public IClientStreamWriter<TRequest> RequestStream { get; }

    public TaskAwaiter<TResponse> GetAwaiter() => ResponseAsync.GetAwaiter();

    public ConfiguredTaskAwaitable<TResponse> ConfigureAwait(bool continueOnCapturedContext) => ResponseAsync.ConfigureAwait(continueOnCapturedContext);

    public Status GetStatus() => _callState.GetStatus();

    public Metadata GetTrailers() => _callState.GetTrailers();

    public void Dispose() => _callState.Dispose();
}

/// <summary>Return type of bidirectional streaming calls.</summary>
public sealed class AsyncDuplexStreamingCall<TRequest, TResponse> : IDisposable
{
    private readonly CallState _callState;

    public AsyncDuplexStreamingCall(IClientStreamWriter<TRequest> requestStream,
                                    IAsyncStreamReader<TResponse> responseStream,
                                    Task<Metadata> responseHeadersAsync,
                                    Func<Status> getStatusFunc,
                                    Func<Metadata> getTrailersFunc,
                                    Action disposeAction)
    {
        RequestStream = requestStream;
        ResponseStream = responseStream;
        _callState = new CallState(responseHeadersAsync, getStatusFunc, getTrailersFunc, disposeAction);
    }

    public AsyncDuplexStreamingCall(IClientStreamWriter<TRequest> requestStream,
                                    IAsyncStreamReader<TResponse> responseStream,
                                    Func<object, Task<Metadata>> responseHeadersAsync,
                                    Func<object, Status> getStatusFunc,
                                    Func<object, Metadata> getTrailersFunc,
                                    Action<object> disposeAction,
                                    object state)
    {
        RequestStream = requestStream;
        ResponseStream = responseStream;
        _callState = new CallState(responseHeadersAsync, getStatusFunc, getTrailersFunc, disposeAction, state);
    }

    public IAsyncStreamReader<TResponse> ResponseStream { get; }

    public IClientStreamWriter<TRequest> RequestStream { get; }

    public Task<Metadata> ResponseHeadersAsync => _callState.ResponseHeadersAsync();

    public Status GetStatus() => _callState.GetStatus();

    public Metadata GetTrailers() => _callState.GetTrailers();

    public void Dispose() => _callState.Dispose();
}
