using System.IO;
using System.IO.Compression;

namespace Grpc.Net.Compression;

/// <summary>Provides a compression implementation for gRPC messages (upstream: Grpc.Net.Common).</summary>
public interface ICompressionProvider
{
    /// <summary>The name used in the 'grpc-encoding' and 'grpc-accept-encoding' headers.</summary>
    string EncodingName { get; }

    Stream CreateCompressionStream(Stream stream, CompressionLevel? compressionLevel);

    Stream CreateDecompressionStream(Stream stream);
}

/// <summary>The "gzip" compression provider.</summary>
public sealed class GzipCompressionProvider : ICompressionProvider
{
    private readonly CompressionLevel _defaultCompressionLevel;

    public GzipCompressionProvider(CompressionLevel defaultCompressionLevel)
    {
        _defaultCompressionLevel = defaultCompressionLevel;
    }

    public string EncodingName => "gzip";

    public Stream CreateCompressionStream(Stream stream, CompressionLevel? compressionLevel)
        => new GZipStream(stream, compressionLevel ?? _defaultCompressionLevel, leaveOpen: true);

    public Stream CreateDecompressionStream(Stream stream)
        => new GZipStream(stream, CompressionMode.Decompress, leaveOpen: true);
}

/// <summary>The "deflate" compression provider (zlib framing, as HTTP's deflate coding requires).</summary>
public sealed class DeflateCompressionProvider : ICompressionProvider
{
    private readonly CompressionLevel _defaultCompressionLevel;

    public DeflateCompressionProvider(CompressionLevel defaultCompressionLevel)
    {
        _defaultCompressionLevel = defaultCompressionLevel;
    }

    public string EncodingName => "deflate";

    public Stream CreateCompressionStream(Stream stream, CompressionLevel? compressionLevel)
        => new ZLibStream(stream, compressionLevel ?? _defaultCompressionLevel, leaveOpen: true);

    public Stream CreateDecompressionStream(Stream stream)
        => new ZLibStream(stream, CompressionMode.Decompress, leaveOpen: true);
}
