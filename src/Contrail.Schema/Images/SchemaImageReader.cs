using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Protobuf.WellKnownTypes;

namespace Contrail.Schema.Images;

/// <summary>
/// Reads a FileDescriptorSet or a buf image (binary or JSON) into a validated <see cref="SchemaImage"/>.
/// A buf image is a FileDescriptorSet whose files may carry buf's extension (field 8042) marking imports;
/// a plain FileDescriptorSet (e.g. from <c>protoc --descriptor_set_out</c>) has no imports marked.
/// </summary>
/// <remarks>
/// Every problem with the content is a <see cref="SchemaFormatException"/> with a one-line message; no
/// other exception escapes for any input bytes (the fuzz tests hold the reader to that). Files come out
/// in the canonical order of <see cref="SchemaImageBuilder"/>.
/// </remarks>
public static class SchemaImageReader
{
    private const int FileFieldNumber = 1;

    private static readonly JsonParser s_fileJsonParser = new(JsonParser.Settings.Default.WithIgnoreUnknownFields(true));

    /// <summary>Reads an image file, choosing the format by its extension (<see cref="SchemaImageFormats.KnownExtensions"/>).</summary>
    /// <param name="path">The file's path; it also names the image in error messages.</param>
    /// <returns>The image.</returns>
    /// <exception cref="SchemaFormatException">The extension is unknown, or the content is not a valid image.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static SchemaImage ReadFile(string path)
    {
        if (path is null)
        {
            throw new ArgumentNullException(nameof(path));
        }

        if (!SchemaImageFormats.TryFromPath(path, out var format))
        {
            throw new SchemaFormatException(path, $"unknown image extension '{Path.GetExtension(path)}' (expected {SchemaImageFormats.KnownExtensions})");
        }

        return Read(File.ReadAllBytes(path), format, path);
    }

    /// <summary>Reads an image from its bytes.</summary>
    /// <param name="content">The file's bytes.</param>
    /// <param name="format">How they are encoded.</param>
    /// <param name="sourceName">The image's name in error messages.</param>
    /// <returns>The image.</returns>
    /// <exception cref="SchemaFormatException">The content is not a valid image.</exception>
    public static SchemaImage Read(byte[] content, SchemaImageFormat format, string sourceName)
    {
        if (content is null)
        {
            throw new ArgumentNullException(nameof(content));
        }

        return format == SchemaImageFormat.Json
            ? ReadJson(DecodeUtf8(content, sourceName), sourceName)
            : ReadBinary(content, sourceName);
    }

    /// <summary>Reads the protobuf binary encoding of a FileDescriptorSet or buf image.</summary>
    /// <param name="content">The bytes.</param>
    /// <param name="sourceName">The image's name in error messages.</param>
    /// <returns>The image.</returns>
    /// <exception cref="SchemaFormatException">The content is not a valid image.</exception>
    public static SchemaImage ReadBinary(byte[] content, string sourceName)
    {
        if (content is null)
        {
            throw new ArgumentNullException(nameof(content));
        }

        if (sourceName is null)
        {
            throw new ArgumentNullException(nameof(sourceName));
        }

        var files = new List<FileDescriptorProto>();
        var imports = new List<string>();
        try
        {
            // The set is read by hand, one level deep, so that buf's field 8042 can be taken out of each
            // file before Google.Protobuf parses it (it would otherwise stay an opaque unknown field).
            var input = new CodedInputStream(content);
            uint tag;
            while ((tag = input.ReadTag()) != 0)
            {
                if (WireFormat.GetTagFieldNumber(tag) != FileFieldNumber || WireFormat.GetTagWireType(tag) != WireFormat.WireType.LengthDelimited)
                {
                    throw new SchemaFormatException(
                        sourceName,
                        $"not a FileDescriptorSet or buf image (unexpected field {WireFormat.GetTagFieldNumber(tag)} at byte {input.Position})");
                }

                var fileBytes = input.ReadBytes().ToByteArray();
                var (file, isImport) = ParseFile(fileBytes);
                files.Add(file);
                if (isImport && !string.IsNullOrEmpty(file.Name))
                {
                    imports.Add(file.Name);
                }
            }
        }
        catch (InvalidProtocolBufferException exception)
        {
            throw new SchemaFormatException(sourceName, "not a valid FileDescriptorSet or buf image (" + Describe(exception) + ")", exception);
        }

        return Validate(files, imports, sourceName);
    }

    /// <summary>Reads the protobuf JSON encoding of a FileDescriptorSet or buf image (as <c>buf build -o image.json</c> writes it).</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="sourceName">The image's name in error messages.</param>
    /// <returns>The image.</returns>
    /// <exception cref="SchemaFormatException">The content is not a valid image.</exception>
    public static SchemaImage ReadJson(string json, string sourceName)
    {
        if (json is null)
        {
            throw new ArgumentNullException(nameof(json));
        }

        if (sourceName is null)
        {
            throw new ArgumentNullException(nameof(sourceName));
        }

        var files = new List<FileDescriptorProto>();
        var imports = new List<string>();
        try
        {
            // Parsed first as a generic JSON tree, so buf's "bufExtension" can be read and removed, then
            // each file is parsed as a FileDescriptorProto (unknown keys, such as custom options, skipped).
            var root = JsonParser.Default.Parse<Struct>(json);
            foreach (var key in root.Fields.Keys)
            {
                if (key != "file")
                {
                    throw new SchemaFormatException(sourceName, $"not a FileDescriptorSet or buf image (unexpected key \"{key}\")");
                }
            }

            if (!root.Fields.TryGetValue("file", out var fileList))
            {
                return Validate(files, imports, sourceName);
            }

            if (fileList.KindCase != Value.KindOneofCase.ListValue)
            {
                throw new SchemaFormatException(sourceName, "not a FileDescriptorSet or buf image (\"file\" is not a list)");
            }

            var number = 0;
            foreach (var element in fileList.ListValue.Values)
            {
                number++;
                if (element.KindCase != Value.KindOneofCase.StructValue)
                {
                    throw new SchemaFormatException(sourceName, $"file #{number} is not a JSON object");
                }

                var fileObject = element.StructValue.Clone();
                var isImport = TakeIsImport(fileObject, fieldName: BufImageExtension.JsonName, number, sourceName)
                    | TakeIsImport(fileObject, fieldName: BufImageExtension.ProtoName, number, sourceName);
                var file = s_fileJsonParser.Parse<FileDescriptorProto>(JsonFormatter.Default.Format(fileObject));
                files.Add(file);
                if (isImport && !string.IsNullOrEmpty(file.Name))
                {
                    imports.Add(file.Name);
                }
            }
        }
        catch (InvalidProtocolBufferException exception)
        {
            throw new SchemaFormatException(sourceName, "not a valid FileDescriptorSet or buf image in JSON (" + Describe(exception) + ")", exception);
        }
        catch (InvalidJsonException exception)
        {
            throw new SchemaFormatException(sourceName, "not valid JSON (" + Describe(exception) + ")", exception);
        }

        return Validate(files, imports, sourceName);
    }

    private static (FileDescriptorProto File, bool IsImport) ParseFile(byte[] fileBytes)
    {
        var isImport = false;
        var sawExtension = false;
        var ownFields = new List<(int Start, int End)>();
        var input = new CodedInputStream(fileBytes);
        var fieldStart = 0;
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            if (WireFormat.GetTagFieldNumber(tag) == BufImageExtension.FieldNumber && WireFormat.GetTagWireType(tag) == WireFormat.WireType.LengthDelimited)
            {
                sawExtension = true;
                isImport = BufImageExtension.ReadIsImport(input.ReadBytes().ToByteArray());
            }
            else
            {
                input.SkipLastField();
                ownFields.Add((fieldStart, (int)input.Position));
            }

            fieldStart = (int)input.Position;
        }

        if (!sawExtension)
        {
            return (FileDescriptorProto.Parser.ParseFrom(fileBytes), false);
        }

        // The file without field 8042: its other fields' bytes, concatenated in their order.
        var withoutExtension = new MemoryStream(fileBytes.Length);
        foreach (var (start, end) in ownFields)
        {
            withoutExtension.Write(fileBytes, start, end - start);
        }

        return (FileDescriptorProto.Parser.ParseFrom(withoutExtension.ToArray()), isImport);
    }

    private static bool TakeIsImport(Struct fileObject, string fieldName, int number, string sourceName)
    {
        if (!fileObject.Fields.TryGetValue(fieldName, out var extension))
        {
            return false;
        }

        fileObject.Fields.Remove(fieldName);
        if (extension.KindCase == Value.KindOneofCase.NullValue)
        {
            return false;
        }

        if (extension.KindCase != Value.KindOneofCase.StructValue)
        {
            throw new SchemaFormatException(sourceName, $"file #{number}: \"{fieldName}\" is not a JSON object");
        }

        foreach (var name in new[] { "isImport", "is_import" })
        {
            if (extension.StructValue.Fields.TryGetValue(name, out var isImport))
            {
                if (isImport.KindCase == Value.KindOneofCase.BoolValue)
                {
                    return isImport.BoolValue;
                }

                if (isImport.KindCase != Value.KindOneofCase.NullValue)
                {
                    throw new SchemaFormatException(sourceName, $"file #{number}: \"{name}\" is not true or false");
                }
            }
        }

        return false;
    }

    private static SchemaImage Validate(List<FileDescriptorProto> files, List<string> imports, string sourceName)
    {
        if (files.Count == 0)
        {
            throw new SchemaFormatException(sourceName, "the image holds no files (an empty file, or not a FileDescriptorSet or buf image)");
        }

        return SchemaImageBuilder.Create(files, imports, sourceName);
    }

    private static string DecodeUtf8(byte[] content, string sourceName)
    {
        try
        {
            var text = new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(content);
            return text.Length > 0 && text[0] == '\uFEFF' ? text.Substring(1) : text;
        }
        catch (System.Text.DecoderFallbackException exception)
        {
            throw new SchemaFormatException(sourceName, "not valid JSON (the file is not UTF-8 text)", exception);
        }
    }

    private static string Describe(Exception exception)
    {
        var message = exception.Message.Replace('\r', ' ').Replace('\n', ' ').Trim();
        return message.EndsWith(".", StringComparison.Ordinal) ? message.Substring(0, message.Length - 1) : message;
    }
}
