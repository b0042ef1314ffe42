using System.IO;
using Google.Protobuf;

namespace Contrail.Schema.Images;

/// <summary>
/// buf's per-file image extension, <c>buf.alpha.image.v1.ImageFileExtension</c>, carried in field 8042
/// (<c>buf_extension</c>) of each file of a buf image. Google.Protobuf keeps it as an unknown field of the
/// <c>FileDescriptorProto</c>; Contrail reads and writes it by hand, without buf's .proto.
/// </summary>
/// <remarks>
/// Only <c>is_import</c> (field 1) matters to Contrail. buf also writes <c>is_syntax_unspecified</c>
/// (field 3); the reader skips every other field, so newer buf images stay readable.
/// </remarks>
internal static class BufImageExtension
{
    /// <summary>The field number of <c>buf_extension</c> in buf's <c>ImageFile</c>.</summary>
    public const int FieldNumber = 8042;

    /// <summary>The JSON names of the field (protojson writes the camel-case one; both are accepted).</summary>
    public const string JsonName = "bufExtension";

    /// <summary>The original field name, also accepted in JSON.</summary>
    public const string ProtoName = "buf_extension";

    private const int IsImportFieldNumber = 1;

    /// <summary>Reads <c>is_import</c> from the extension's bytes.</summary>
    /// <param name="bytes">The extension message's encoding.</param>
    /// <returns>Whether the file is an import; false when the field is absent.</returns>
    /// <exception cref="InvalidProtocolBufferException">The bytes are not a valid message.</exception>
    public static bool ReadIsImport(byte[] bytes)
    {
        var isImport = false;
        var input = new CodedInputStream(bytes);
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            if (WireFormat.GetTagFieldNumber(tag) == IsImportFieldNumber && WireFormat.GetTagWireType(tag) == WireFormat.WireType.Varint)
            {
                isImport = input.ReadBool();
            }
            else
            {
                input.SkipLastField();
            }
        }

        return isImport;
    }

    /// <summary>Writes field 8042 with <c>is_import</c> set explicitly, as buf does for every file.</summary>
    /// <param name="output">The stream the file's own fields were written to.</param>
    /// <param name="isImport">Whether the file is an import.</param>
    public static void Write(CodedOutputStream output, bool isImport)
    {
        output.WriteTag(FieldNumber, WireFormat.WireType.LengthDelimited);
        output.WriteLength(2);
        output.WriteTag(IsImportFieldNumber, WireFormat.WireType.Varint);
        output.WriteBool(isImport);
    }

    /// <summary>Encodes <see cref="Write(CodedOutputStream, bool)"/>'s output alone.</summary>
    /// <param name="isImport">Whether the file is an import.</param>
    /// <returns>The bytes of the tagged field.</returns>
    public static byte[] Encode(bool isImport)
    {
        using var buffer = new MemoryStream();
        var output = new CodedOutputStream(buffer);
        Write(output, isImport);
        output.Flush();
        return buffer.ToArray();
    }
}
