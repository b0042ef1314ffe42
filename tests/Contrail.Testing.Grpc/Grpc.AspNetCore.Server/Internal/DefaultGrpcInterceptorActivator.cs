using System;
using System.Threading.Tasks;
using Grpc.Core.Interceptors;
using Microsoft.Extensions.DependencyInjection;

namespace Grpc.AspNetCore.Server.Internal;

/// <summary>
/// Upstream's default activation rule: a registration without arguments uses the instance registered
/// in DI when there is one (not owned); otherwise the interceptor is created with
/// <see cref="ActivatorUtilities"/> from DI plus the registration's arguments (owned, disposed on release).
/// </summary>
internal sealed class DefaultGrpcInterceptorActivator<TInterceptor> : IGrpcInterceptorActivator<TInterceptor>
    where TInterceptor : Interceptor
{
    public GrpcActivatorHandle<Interceptor> Create(IServiceProvider serviceProvider, InterceptorRegistration interceptorRegistration)
    {
        if (interceptorRegistration.Arguments.Count == 0 && serviceProvider.GetService<TInterceptor>() is { } registered)
        {
            return new GrpcActivatorHandle<Interceptor>(registered, created: false, state: null);
        }

        var interceptor = (TInterceptor)interceptorRegistration.GetFactory()(serviceProvider, interceptorRegistration._args);
        return new GrpcActivatorHandle<Interceptor>(interceptor, created: true, state: null);
    }

    public ValueTask ReleaseAsync(GrpcActivatorHandle<Interceptor> interceptor)
    {
        if (interceptor.Instance is null)
        {
            throw new ArgumentException("Interceptor instance is null.", nameof(interceptor));
        }

        if (interceptor.Created)
        {
            if (interceptor.Instance is IAsyncDisposable asyncDisposable)
            {
                return asyncDisposable.DisposeAsync();
            }

            if (interceptor.Instance is IDisposable disposable)
            {
                disposable.Dispose();
            }
        }

        return default;
    }
}
