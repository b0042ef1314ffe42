using System;
using Grpc.AspNetCore.Server;
using Grpc.AspNetCore.Server.Internal;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Extension methods for the gRPC services. Registers the options and activation services that
/// Grpc.AspNetCore.Server registers; routing and endpoint services are not part of this stand-in.
/// </summary>
public static class GrpcServicesExtensions
{
    /// <summary>Adds options for one service type; they start from the global options and override them.</summary>
    public static IGrpcServerBuilder AddServiceOptions<TService>(this IGrpcServerBuilder grpcBuilder, Action<GrpcServiceOptions<TService>> configure)
        where TService : class
    {
        ArgumentNullException.ThrowIfNull(grpcBuilder);

        grpcBuilder.Services.AddSingleton<IConfigureOptions<GrpcServiceOptions<TService>>, GrpcServiceOptionsSetup<TService>>();
        grpcBuilder.Services.Configure(configure);
        return grpcBuilder;
    }

    /// <summary>Adds gRPC services to the specified <see cref="IServiceCollection"/>.</summary>
    public static IGrpcServerBuilder AddGrpc(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);

        services.AddOptions();
        services.TryAddSingleton<GrpcMarkerService>();
        services.TryAddSingleton(typeof(IGrpcInterceptorActivator<>), typeof(DefaultGrpcInterceptorActivator<>));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConfigureOptions<GrpcServiceOptions>, GrpcServiceOptionsSetup>());
        return new GrpcServerBuilder(services);
    }

    /// <summary>Adds gRPC services and configures the global <see cref="GrpcServiceOptions"/>.</summary>
    public static IGrpcServerBuilder AddGrpc(this IServiceCollection services, Action<GrpcServiceOptions> configureOptions)
    {
        ArgumentNullException.ThrowIfNull(services);
        return services.Configure(configureOptions).AddGrpc();
    }
}
