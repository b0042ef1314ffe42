using System;
using System.IO;
using System.Text;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace Contrail.Schema.Images;

/// <summary>
/// Writes a <see cref="SchemaImage"/> as a buf image: a FileDescriptorSet whose every file carries buf's
/// extension (field 8042) with <c>is_import</c> set, readable by <c>buf breaking --against</c>, by
/// <c>protoc --descriptor_set_in</c> and by Contrail.
/// </summary>
/// <remarks>
/// The output is canonical: files in <see cref="SchemaImageBuilder"/>'s order and Google.Protobuf's
/// field-number order inside each file, so the same schema gives the same bytes. Source info (line
/// numbers) and imports are written as the image holds them; a snapshot should keep both, as
/// <c>buf build</c> does, so that findings point at lines and types resolve.
/// </remarks>
public static class SchemaImageWriter
{
    /// <summary>Encodes the image in the protobuf binary format.</summary>
    /// <param name="image">The image.</param>
    /// <returns>The bytes.</returns>
    public static byte[] WriteBinary(SchemaImage image)
    {
        if (image is null)
        {
            throw new ArgumentNullException(nameof(image));
        }

        var canonical = Canonical(image);
        using var buffer = new MemoryStream();
        var output = new CodedOutputStream(buffer);
        foreach (var file in canonical.Files)
        {
            var fileBytes = file.ToByteArray();
            var extension = BufImageExtension.Encode(canonical.IsImport(file.Name));
            var withExtension = new byte[fileBytes.Length + extension.Length];
            Buffer.BlockCopy(fileBytes, 0, withExtension, 0, fileBytes.Length);
            Buffer.BlockCopy(extension, 0, withExtension, fileBytes.Length, extension.Length);
            output.WriteTag(1, WireFormat.WireType.LengthDelimited);
            output.WriteBytes(ByteString.CopyFrom(withExtension));
        }

        output.Flush();
        return buffer.ToArray();
    }

    /// <summary>Encodes the image in protobuf JSON, as <c>buf build -o image.json</c> does (one line, '\n' at the end).</summary>
    /// <param name="image">The image.</param>
    /// <returns>The JSON text.</returns>
    public static string WriteJson(SchemaImage image)
    {
        if (image is null)
        {
            throw new ArgumentNullException(nameof(image));
        }

        var canonical = Canonical(image);
        var json = new StringBuilder("{\"file\":[");
        var first = true;
        foreach (var file in canonical.Files)
        {
            if (!first)
            {
                json.Append(',');
            }

            first = false;
            var fileJson = JsonFormatter.Default.Format(file).Trim();

            // JsonFormatter writes an object; buf's extension goes in as its last key.
            var body = fileJson.Substring(0, fileJson.Length - 1).TrimEnd();
            json.Append(body);
            if (body != "{")
            {
                json.Append(", ");
            }

            json.Append("\"bufExtension\": { \"isImport\": ").Append(canonical.IsImport(file.Name) ? "true" : "false").Append(" } }");
        }

        return json.Append("]}\n").ToString();
    }

    /// <summary>Encodes the image in the given format.</summary>
    /// <param name="image">The image.</param>
    /// <param name="format">The format.</param>
    /// <returns>The bytes (UTF-8 without a byte order mark for JSON).</returns>
    public static byte[] Write(SchemaImage image, SchemaImageFormat format) =>
        format == SchemaImageFormat.Json
            ? new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(WriteJson(image))
            : WriteBinary(image);

    /// <summary>Writes the image to a file, in the format its extension names (<see cref="SchemaImageFormats.KnownExtensions"/>).</summary>
    /// <param name="image">The image.</param>
    /// <param name="path">The file to write; its directory is created when missing.</param>
    /// <exception cref="ArgumentException">The extension names no image format.</exception>
    /// <exception cref="IOException">The file cannot be written.</exception>
    public static void WriteFile(SchemaImage image, string path)
    {
        if (path is null)
        {
            throw new ArgumentNullException(nameof(path));
        }

        if (!SchemaImageFormats.TryFromPath(path, out var format))
        {
            throw new ArgumentException($"unknown image extension '{Path.GetExtension(path)}' (expected {SchemaImageFormats.KnownExtensions})", nameof(path));
        }

        var bytes = Write(image, format);
        var fullPath = Path.GetFullPath(path);
        if (Path.GetDirectoryName(fullPath) is { Length: > 0 } directory)
        {
            Directory.CreateDirectory(directory);
        }

        File.WriteAllBytes(fullPath, bytes);
    }

    private static SchemaImage Canonical(SchemaImage image)
    {
        // An image made elsewhere may list its files in another order: the writer never trusts it to be canonical.
        var imports = new System.Collections.Generic.List<string>();
        foreach (var file in image.Files)
        {
            if (image.IsImport(file.Name))
            {
                imports.Add(file.Name);
            }
        }

        return SchemaImageBuilder.Create(image.Files, imports, "image");
    }
}
