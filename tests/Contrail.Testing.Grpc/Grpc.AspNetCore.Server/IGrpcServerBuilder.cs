using Microsoft.Extensions.DependencyInjection;

namespace Grpc.AspNetCore.Server;

/// <summary>A builder abstraction for configuring gRPC servers.</summary>
public interface IGrpcServerBuilder
{
    IServiceCollection Services { get; }
}
