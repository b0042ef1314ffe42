using System;
using Contrail.Testing.Grpc.Internal;
using Grpc.Core.Interceptors;

namespace Grpc.Core;

/// <summary>Generic base class for generated client stubs.</summary>
public abstract class ClientBase<T> : ClientBase
    where T : ClientBase<T>
{
    protected ClientBase()
        : base()
    {
    }

    protected ClientBase(ClientBaseConfiguration configuration)
        : base(configuration)
    {
    }

    public ClientBase(ChannelBase channel)
        : base(channel)
    {
    }

    public ClientBase(CallInvoker callInvoker)
        : base(callInvoker)
    {
    }

    /// <summary>Creates a new client that sends calls with the specified host.</summary>
    public T WithHost(string host)
    {
        return NewInstance(Configuration.WithHost(host));
    }

    protected abstract T NewInstance(ClientBaseConfiguration configuration);
}

/// <summary>Base class for generated client stubs.</summary>
public abstract class ClientBase
{
    private readonly ClientBaseConfiguration _configuration;
    private readonly CallInvoker _callInvoker;

    /// <summary>For mocking: calls through the resulting client throw <see cref="NotImplementedException"/>.</summary>
    protected ClientBase()
        : this(new UnimplementedCallInvoker())
    {
    }

    protected ClientBase(ClientBaseConfiguration configuration)
    {
        _configuration = Guard.NotNull(configuration, nameof(configuration));
        _callInvoker = configuration.CreateDecoratedCallInvoker();
    }

    public ClientBase(ChannelBase channel)
        : this(channel.CreateCallInvoker())
    {
    }

    public ClientBase(CallInvoker callInvoker)
        : this(new ClientBaseConfiguration(callInvoker, null))
    {
    }

    protected CallInvoker CallInvoker => _callInvoker;

    internal ClientBaseConfiguration Configuration => _configuration;

    /// <summary>The configuration (call invoker and host) a client was created with.</summary>
    protected internal class ClientBaseConfiguration
    {
        private readonly CallInvoker _undecoratedCallInvoker;
        private readonly string? _host;

        internal ClientBaseConfiguration(CallInvoker undecoratedCallInvoker, string? host)
        {
            _undecoratedCallInvoker = Guard.NotNull(undecoratedCallInvoker, nameof(undecoratedCallInvoker));
            _host = host;
        }

        internal CallInvoker CreateDecoratedCallInvoker()
        {
            return _undecoratedCallInvoker.Intercept(new HostInterceptor(_host));
        }

        internal ClientBaseConfiguration WithHost(string host)
        {
            Guard.NotNull(host, nameof(host));
            return new ClientBaseConfiguration(_undecoratedCallInvoker, host);
        }

        /// <summary>Replaces the host of every call with the configured one.</summary>
        private sealed class HostInterceptor : Interceptor
        {
            private readonly string? _host;

            public HostInterceptor(string? host)
            {
                _host = host;
            }

            public override TResponse BlockingUnaryCall<TRequest, TResponse>(TRequest request, ClientInterceptorContext<TRequest, TResponse> context, BlockingUnaryCallContinuation<TRequest, TResponse> continuation)
                => continuation(request, WithHost(context));

            public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(TRequest request, ClientInterceptorContext<TRequest, TResponse> context, AsyncUnaryCallContinuation<TRequest, TResponse> continuation)
                => continuation(request, WithHost(context));

            public override AsyncServerStreamingCall<TResponse> AsyncServerStreamingCall<TRequest, TResponse>(TRequest request, ClientInterceptorContext<TRequest, TResponse> context, AsyncServerStreamingCallContinuation<TRequest, TResponse> continuation)
                => continuation(request, WithHost(context));

            public override AsyncClientStreamingCall<TRequest, TResponse> AsyncClientStreamingCall<TRequest, TResponse>(ClientInterceptorContext<TRequest, TResponse> context, AsyncClientStreamingCallContinuation<TRequest, TResponse> continuation)
                => continuation(WithHost(context));

            public override AsyncDuplexStreamingCall<TRequest, TResponse> AsyncDuplexStreamingCall<TRequest, TResponse>(ClientInterceptorContext<TRequest, TResponse> context, AsyncDuplexStreamingCallContinuation<TRequest, TResponse> continuation)
                => continuation(WithHost(context));

            private ClientInterceptorContext<TRequest, TResponse> WithHost<TRequest, TResponse>(ClientInterceptorContext<TRequest, TResponse> context)
                where TRequest : class
                where TResponse : class
                => new ClientInterceptorContext<TRequest, TResponse>(context.Method, _host, context.Options);
        }
    }

    /// <summary>Call invoker of mock clients: every call throws.</summary>
    private sealed class UnimplementedCallInvoker : CallInvoker
    {
        public override TResponse BlockingUnaryCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options, TRequest request)
            => throw new NotImplementedException();

        public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options, TRequest request)
            => throw new NotImplementedException();

        public override AsyncServerStreamingCall<TResponse> AsyncServerStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options, TRequest request)
            => throw new NotImplementedException();

        public override AsyncClientStreamingCall<TRequest, TResponse> AsyncClientStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options)
            => throw new NotImplementedException();

        public override AsyncDuplexStreamingCall<TRequest, TResponse> AsyncDuplexStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options)
            => throw new NotImplementedException();
    }
}
