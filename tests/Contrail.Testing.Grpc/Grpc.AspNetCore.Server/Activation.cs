using System;
using System.Threading.Tasks;
using Grpc.Core.Interceptors;

namespace Grpc.AspNetCore.Server;

/// <summary>Handle to an activated instance.</summary>
public readonly struct GrpcActivatorHandle<T>
{
    /// <param name="created">Whether the activator created the instance (and so must release it).</param>
    public GrpcActivatorHandle(T instance, bool created, object? state)
    {
        Instance = instance;
        Created = created;
        State = state;
    }

    public T Instance { get; }

    public bool Created { get; }

    public object? State { get; }
}

/// <summary>An interceptor activator abstraction.</summary>
public interface IGrpcInterceptorActivator
{
    GrpcActivatorHandle<Interceptor> Create(IServiceProvider serviceProvider, InterceptorRegistration interceptorRegistration);

    ValueTask ReleaseAsync(GrpcActivatorHandle<Interceptor> interceptor);
}

/// <summary>An activator for interceptors of type <typeparamref name="TInterceptor"/>.</summary>
public interface IGrpcInterceptorActivator<TInterceptor> : IGrpcInterceptorActivator
    where TInterceptor : Interceptor
{
}
