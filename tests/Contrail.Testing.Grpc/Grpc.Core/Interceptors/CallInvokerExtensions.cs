using System;
using Contrail.Testing.Grpc.Internal;

namespace Grpc.Core.Interceptors;

/// <summary>Extension methods that wrap a <see cref="CallInvoker"/> with client interceptors.</summary>
public static class CallInvokerExtensions
{
    /// <summary>Returns an invoker that runs <paramref name="interceptor"/> before <paramref name="invoker"/>.</summary>
    public static CallInvoker Intercept(this CallInvoker invoker, Interceptor interceptor)
    {
        return new InterceptingCallInvoker(invoker, interceptor);
    }

    /// <summary>Wraps the invoker so the first interceptor in the array runs first (outermost).</summary>
    public static CallInvoker Intercept(this CallInvoker invoker, params Interceptor[] interceptors)
    {
        Guard.NotNull(invoker, nameof(invoker));
        Guard.NotNull(interceptors, nameof(interceptors));
        for (var i = interceptors.Length - 1; i >= 0; i--)
        {
            invoker = Intercept(invoker, interceptors[i]);
        }

        return invoker;
    }

    /// <summary>Returns an invoker that replaces each call's request headers with the function's result.</summary>
    public static CallInvoker Intercept(this CallInvoker invoker, Func<Metadata, Metadata> interceptor)
    {
        return new InterceptingCallInvoker(invoker, new MetadataInterceptor(interceptor));
    }

    private sealed class MetadataInterceptor : Interceptor
    {
        private readonly Func<Metadata, Metadata> _interceptor;

        public MetadataInterceptor(Func<Metadata, Metadata> interceptor)
        {
            _interceptor = Guard.NotNull(interceptor, nameof(interceptor));
        }

        public override TResponse BlockingUnaryCall<TRequest, TResponse>(TRequest request, ClientInterceptorContext<TRequest, TResponse> context, BlockingUnaryCallContinuation<TRequest, TResponse> continuation)
            => continuation(request, Rewrite(context));

        public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(TRequest request, ClientInterceptorContext<TRequest, TResponse> context, AsyncUnaryCallContinuation<TRequest, TResponse> continuation)
            => continuation(request, Rewrite(context));

        public override AsyncServerStreamingCall<TResponse> AsyncServerStreamingCall<TRequest, TResponse>(TRequest request, ClientInterceptorContext<TRequest, TResponse> context, AsyncServerStreamingCallContinuation<TRequest, TResponse> continuation)
            => continuation(request, Rewrite(context));

        public override AsyncClientStreamingCall<TRequest, TResponse> AsyncClientStreamingCall<TRequest, TResponse>(ClientInterceptorContext<TRequest, TResponse> context, AsyncClientStreamingCallContinuation<TRequest, TResponse> continuation)
            => continuation(Rewrite(context));

        public override AsyncDuplexStreamingCall<TRequest, TResponse> AsyncDuplexStreamingCall<TRequest, TResponse>(ClientInterceptorContext<TRequest, TResponse> context, AsyncDuplexStreamingCallContinuation<TRequest, TResponse> continuation)
            => continuation(Rewrite(context));

        private ClientInterceptorContext<TRequest, TResponse> Rewrite<TRequest, TResponse>(ClientInterceptorContext<TRequest, TResponse> context)
            where TRequest : class
            where TResponse : class
        {
            var headers = _interceptor(context.Options.Headers ?? new Metadata());
            return new ClientInterceptorContext<TRequest, TResponse>(context.Method, context.Host, context.Options.WithHeaders(headers));
        }
    }

    /// <summary>A call invoker that routes every call through one interceptor.</summary>
    private sealed class InterceptingCallInvoker : CallInvoker
    {
        private readonly CallInvoker _invoker;
        private readonly Interceptor _interceptor;

        public InterceptingCallInvoker(CallInvoker invoker, Interceptor interceptor)
        {
            _invoker = Guard.NotNull(invoker, nameof(invoker));
            _interceptor = Guard.NotNull(interceptor, nameof(interceptor));
        }

        public override TResponse BlockingUnaryCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options, TRequest request)
            => _interceptor.BlockingUnaryCall(
                request,
                new ClientInterceptorContext<TRequest, TResponse>(method, host, options),
                (req, ctx) => _invoker.BlockingUnaryCall(ctx.Method, ctx.Host, ctx.Options, req));

        public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options, TRequest request)
            => _interceptor.AsyncUnaryCall(
                request,
                new ClientInterceptorContext<TRequest, TResponse>(method, host, options),
                (req, ctx) => _invoker.AsyncUnaryCall(ctx.Method, ctx.Host, ctx.Options, req));

        public override AsyncServerStreamingCall<TResponse> AsyncServerStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options, TRequest request)
            => _interceptor.AsyncServerStreamingCall(
                request,
                new ClientInterceptorContext<TRequest, TResponse>(method, host, options),
                (req, ctx) => _invoker.AsyncServerStreamingCall(ctx.Method, ctx.Host, ctx.Options, req));

        public override AsyncClientStreamingCall<TRequest, TResponse> AsyncClientStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options)
            => _interceptor.AsyncClientStreamingCall(
                new ClientInterceptorContext<TRequest, TResponse>(method, host, options),
                ctx => _invoker.AsyncClientStreamingCall(ctx.Method, ctx.Host, ctx.Options));

        public override AsyncDuplexStreamingCall<TRequest, TResponse> AsyncDuplexStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options)
            => _interceptor.AsyncDuplexStreamingCall(
                new ClientInterceptorContext<TRequest, TResponse>(method, host, options),
                ctx => _invoker.AsyncDuplexStreamingCall(ctx.Method, ctx.Host, ctx.Options));
    }
}
