using System.Collections.Generic;
using System.IO.Compression;
using Grpc.Net.Compression;

namespace Grpc.AspNetCore.Server;

/// <summary>Options used to configure service instances (global, or per service via <see cref="GrpcServiceOptions{TService}"/>).</summary>
public class GrpcServiceOptions
{
    internal IList<ICompressionProvider>? _compressionProviders;
    internal int? _maxReceiveMessageSize;
    internal int? _maxSendMessageSize;
    internal bool _maxSendMessageSizeSpecified;
    internal bool _maxReceiveMessageSizeSpecified;

    /// <summary>Maximum size of a message sent by the server; null means no limit (the default).</summary>
    public int? MaxSendMessageSize
    {
        get => _maxSendMessageSize;
        set
        {
            _maxSendMessageSize = value;
            MaxSendMessageSizeSpecified = true;
        }
    }

    /// <summary>Whether <see cref="MaxSendMessageSize"/> was set; clearing it clears the size.</summary>
    public bool MaxSendMessageSizeSpecified
    {
        get => _maxSendMessageSizeSpecified;
        set
        {
            _maxSendMessageSizeSpecified = value;
            if (!value)
            {
                _maxSendMessageSize = null;
            }
        }
    }

    /// <summary>Maximum size of a message received by the server; null means no limit. Defaults to 4 MB.</summary>
    public int? MaxReceiveMessageSize
    {
        get => _maxReceiveMessageSize;
        set
        {
            _maxReceiveMessageSize = value;
            MaxReceiveMessageSizeSpecified = true;
        }
    }

    /// <summary>Whether <see cref="MaxReceiveMessageSize"/> was set; clearing it clears the size.</summary>
    public bool MaxReceiveMessageSizeSpecified
    {
        get => _maxReceiveMessageSizeSpecified;
        set
        {
            _maxReceiveMessageSizeSpecified = value;
            if (!value)
            {
                _maxReceiveMessageSize = null;
            }
        }
    }

    /// <summary>Whether exception details are included in the status detail sent to the client.</summary>
    public bool? EnableDetailedErrors { get; set; }

    public string? ResponseCompressionAlgorithm { get; set; }

    public CompressionLevel? ResponseCompressionLevel { get; set; }

    public IList<ICompressionProvider> CompressionProviders
    {
        get => _compressionProviders ??= new List<ICompressionProvider>();
        set => _compressionProviders = value;
    }

    public bool? IgnoreUnknownServices { get; set; }

    /// <summary>Interceptors executed with every call, in order (the first one is the outermost).</summary>
    public InterceptorCollection Interceptors { get; } = new InterceptorCollection();

    public bool SuppressCreatingService { get; set; }
}

/// <summary>Options for one service type; they override the global <see cref="GrpcServiceOptions"/>.</summary>
public class GrpcServiceOptions<TService> : GrpcServiceOptions
    where TService : class
{
}
