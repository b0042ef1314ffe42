using System;
using System.IO;

namespace Contrail.Schema.Images;

/// <summary>How an image file is encoded.</summary>
public enum SchemaImageFormat
{
    /// <summary>The protobuf binary encoding of a FileDescriptorSet or buf image (<c>.binpb</c>, <c>.pb</c>, <c>.bin</c>).</summary>
    Binary,

    /// <summary>The protobuf JSON encoding of a FileDescriptorSet or buf image (<c>.json</c>).</summary>
    Json,
}

/// <summary>Which <see cref="SchemaImageFormat"/> a file name stands for, by its extension, as buf decides.</summary>
public static class SchemaImageFormats
{
    /// <summary>The extensions an image file may have, for messages: <c>.binpb, .pb, .bin, .json</c>.</summary>
    public const string KnownExtensions = ".binpb, .pb, .bin, .json";

    /// <summary>Finds the format of an image file from its extension (case-insensitive).</summary>
    /// <param name="path">The file's path or name.</param>
    /// <param name="format">The format, when the extension is known.</param>
    /// <returns>Whether the extension names an image format.</returns>
    public static bool TryFromPath(string path, out SchemaImageFormat format)
    {
        if (path is null)
        {
            throw new ArgumentNullException(nameof(path));
        }

        switch (Path.GetExtension(path).ToLowerInvariant())
        {
            case ".binpb":
            case ".pb":
            case ".bin":
                format = SchemaImageFormat.Binary;
                return true;
            case ".json":
                format = SchemaImageFormat.Json;
                return true;
            default:
                format = SchemaImageFormat.Binary;
                return false;
        }
    }
}
