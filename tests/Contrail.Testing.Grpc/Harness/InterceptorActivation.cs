using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Grpc.AspNetCore.Server;
using Grpc.AspNetCore.Server.Internal;
using Grpc.Core.Interceptors;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Contrail.Testing.Grpc;

/// <summary>
/// Creates interceptors from registrations the way Grpc.AspNetCore.Server does: through the
/// <see cref="IGrpcInterceptorActivator{TInterceptor}"/> registered in DI (AddGrpc registers the default
/// one), or, without one, with the same default rule — a registration without arguments uses the
/// interceptor registered in DI if there is one, otherwise the interceptor is created with
/// <see cref="ActivatorUtilities"/> from DI plus the registration's arguments.
/// </summary>
public static class InterceptorActivation
{
    /// <summary>Gets the activator for the registration's interceptor type.</summary>
    public static IGrpcInterceptorActivator GetActivator(IServiceProvider serviceProvider, InterceptorRegistration registration)
    {
        ArgumentNullException.ThrowIfNull(serviceProvider);
        ArgumentNullException.ThrowIfNull(registration);

        var activatorType = typeof(IGrpcInterceptorActivator<>).MakeGenericType(registration.Type);
        return (IGrpcInterceptorActivator?)serviceProvider.GetService(activatorType)
            ?? (IGrpcInterceptorActivator)Activator.CreateInstance(typeof(DefaultGrpcInterceptorActivator<>).MakeGenericType(registration.Type))!;
    }

    /// <summary>Activates the interceptor; <see cref="GrpcActivatorHandle{T}.Created"/> says whether the caller owns it.</summary>
    public static GrpcActivatorHandle<Interceptor> Create(IServiceProvider serviceProvider, InterceptorRegistration registration)
    {
        var handle = GetActivator(serviceProvider, registration).Create(serviceProvider, registration);
        if (handle.Instance is null)
        {
            throw new InvalidOperationException($"Could not construct Interceptor instance for type {registration.Type.FullName}");
        }

        return handle;
    }

    /// <summary>Releases an interceptor created by <see cref="Create"/> (disposes it if the activator created it).</summary>
    public static ValueTask ReleaseAsync(IServiceProvider serviceProvider, InterceptorRegistration registration, GrpcActivatorHandle<Interceptor> handle)
    {
        return GetActivator(serviceProvider, registration).ReleaseAsync(handle);
    }

    /// <summary>Resolves the interceptor from DI if registered (and the registration has no arguments), else creates it.</summary>
    public static Interceptor Resolve(IServiceProvider serviceProvider, InterceptorRegistration registration)
    {
        return Create(serviceProvider, registration).Instance;
    }

    /// <summary>
    /// The interceptor registrations that apply to <typeparamref name="TService"/>, in pipeline order:
    /// the global ones (<see cref="GrpcServiceOptions.Interceptors"/>) first, then the service's own
    /// (<see cref="GrpcServiceOptions{TService}.Interceptors"/>), as upstream merges them.
    /// </summary>
    public static IReadOnlyList<InterceptorRegistration> GetRegistrations<TService>(IServiceProvider serviceProvider)
        where TService : class
    {
        ArgumentNullException.ThrowIfNull(serviceProvider);

        var registrations = new List<InterceptorRegistration>();
        if (serviceProvider.GetService<IOptions<GrpcServiceOptions>>() is { } global)
        {
            registrations.AddRange(global.Value.Interceptors);
        }

        if (serviceProvider.GetService<IOptions<GrpcServiceOptions<TService>>>() is { } perService)
        {
            registrations.AddRange(perService.Value.Interceptors);
        }

        return registrations;
    }

    /// <summary>Resolves every interceptor that applies to <typeparamref name="TService"/>, in pipeline order.</summary>
    public static IReadOnlyList<Interceptor> ResolveAll<TService>(IServiceProvider serviceProvider)
        where TService : class
    {
        var interceptors = new List<Interceptor>();
        foreach (var registration in GetRegistrations<TService>(serviceProvider))
        {
            interceptors.Add(Resolve(serviceProvider, registration));
        }

        return interceptors;
    }

    /// <summary>
    /// The effective EnableDetailedErrors for <typeparamref name="TService"/>: the service's setting, else
    /// the global one, else false.
    /// </summary>
    public static bool GetEnableDetailedErrors<TService>(IServiceProvider serviceProvider)
        where TService : class
    {
        ArgumentNullException.ThrowIfNull(serviceProvider);
        return serviceProvider.GetService<IOptions<GrpcServiceOptions<TService>>>()?.Value.EnableDetailedErrors
            ?? serviceProvider.GetService<IOptions<GrpcServiceOptions>>()?.Value.EnableDetailedErrors
            ?? false;
    }
}
