using System;
using System.Threading.Tasks;

namespace Grpc.Core;

/// <summary>
/// The headers/status/trailers/dispose callbacks shared by the Async*Call types; each callback is
/// stored either stateless or with a state argument.
/// </summary>
internal readonly struct CallState
{
    private readonly Func<object?, Task<Metadata>> _responseHeaders;
    private readonly Func<object?, Status> _getStatus;
    private readonly Func<object?, Metadata> _getTrailers;
    private readonly Action<object?> _dispose;
    private readonly object? _state;

    public CallState(Task<Metadata> responseHeadersAsync, Func<Status> getStatusFunc, Func<Metadata> getTrailersFunc, Action disposeAction)
    {
        _responseHeaders = _ => responseHeadersAsync;
        _getStatus = _ => getStatusFunc();
        _getTrailers = _ => getTrailersFunc();
        _dispose = _ => disposeAction();
        _state = null;
    }

    public CallState(
        Func<object, Task<Metadata>> responseHeadersAsync,
        Func<object, Status> getStatusFunc,
        Func<object, Metadata> getTrailersFunc,
        Action<object> disposeAction,
        object state)
    {
        _responseHeaders = s => responseHeadersAsync(s!);
        _getStatus = s => getStatusFunc(s!);
        _getTrailers = s => getTrailersFunc(s!);
        _dispose = s => disposeAction(s!);
        _state = state;
    }

    public Task<Metadata> ResponseHeadersAsync() => _responseHeaders(_state);

    public Status GetStatus() => _getStatus(_state);

    public Metadata GetTrailers() => _getTrailers(_state);

    public void Dispose() => _dispose(_state);
}
