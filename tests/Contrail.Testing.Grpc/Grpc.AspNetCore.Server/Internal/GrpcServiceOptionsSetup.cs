using System.IO.Compression;
using Grpc.Net.Compression;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Grpc.AspNetCore.Server.Internal;

/// <summary>Applies the global defaults: a 4 MB receive limit unless configured, gzip and deflate providers.</summary>
internal sealed class GrpcServiceOptionsSetup : IConfigureOptions<GrpcServiceOptions>
{
    internal const int DefaultReceiveMaxMessageSize = 4 * 1024 * 1024;

    public void Configure(GrpcServiceOptions options)
    {
        if (!options.MaxReceiveMessageSizeSpecified)
        {
            options._maxReceiveMessageSize = DefaultReceiveMaxMessageSize;
        }

        if (options._compressionProviders is null || options._compressionProviders.Count == 0)
        {
            options.CompressionProviders.Add(new GzipCompressionProvider(CompressionLevel.Fastest));
            options.CompressionProviders.Add(new DeflateCompressionProvider(CompressionLevel.Fastest));
        }
    }
}

/// <summary>
/// Seeds per-service options with the global ones before the service's own configuration runs.
/// Interceptors are not copied: the pipeline runs the global interceptors, then the service's.
/// </summary>
internal sealed class GrpcServiceOptionsSetup<TService> : IConfigureOptions<GrpcServiceOptions<TService>>
    where TService : class
{
    private readonly GrpcServiceOptions _options;

    public GrpcServiceOptionsSetup(IOptions<GrpcServiceOptions> options)
    {
        _options = options.Value;
    }

    public void Configure(GrpcServiceOptions<TService> options)
    {
        options._maxReceiveMessageSize = _options._maxReceiveMessageSize;
        options._maxReceiveMessageSizeSpecified = _options._maxReceiveMessageSizeSpecified;
        options._maxSendMessageSize = _options._maxSendMessageSize;
        options._maxSendMessageSizeSpecified = _options._maxSendMessageSizeSpecified;
        options.EnableDetailedErrors = _options.EnableDetailedErrors;
        options.ResponseCompressionAlgorithm = _options.ResponseCompressionAlgorithm;
        options.ResponseCompressionLevel = _options.ResponseCompressionLevel;
        options.CompressionProviders = _options.CompressionProviders;
        options.IgnoreUnknownServices = _options.IgnoreUnknownServices;
    }
}

/// <summary>The <see cref="IGrpcServerBuilder"/> returned by AddGrpc.</summary>
internal sealed class GrpcServerBuilder : IGrpcServerBuilder
{
    public GrpcServerBuilder(IServiceCollection services)
    {
        Services = services;
    }

    public IServiceCollection Services { get; }
}

/// <summary>Marks that AddGrpc ran (upstream uses it to validate MapGrpcService calls).</summary>
internal sealed class GrpcMarkerService
{
}
