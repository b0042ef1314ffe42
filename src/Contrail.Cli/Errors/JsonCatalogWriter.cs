using System.Buffers;
using System.Collections.Generic;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Contrail.Cli.Errors;

/// <summary>
/// Writes a catalog as <c>{"errors":[...]}</c>: indented by two spaces, '\n' line ends, the input's
/// fields in a fixed order (domain, reason, code, codeValue, httpStatus, metadataKeys, message, source),
/// a null message or source written as <c>null</c>.
/// </summary>
internal static class JsonCatalogWriter
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        NewLine = "\n",
        // Output for files and terminals, not for HTML: keep apostrophes and '<' readable.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Writes the catalog.</summary>
    /// <param name="entries">The merged, sorted errors.</param>
    /// <returns>The JSON text, ending with a line end.</returns>
    public static string Write(IReadOnlyList<ErrorCatalogEntry> entries)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("errors");
            foreach (var entry in entries)
            {
                writer.WriteStartObject();
                writer.WriteString("domain", entry.Domain);
                writer.WriteString("reason", entry.Reason);
                writer.WriteString("code", entry.Code);
                writer.WriteNumber("codeValue", entry.CodeValue);
                writer.WriteNumber("httpStatus", entry.HttpStatus);
                writer.WriteStartArray("metadataKeys");
                foreach (var key in entry.MetadataKeys)
                {
                    writer.WriteStringValue(key);
                }

                writer.WriteEndArray();
                WriteNullableString(writer, "message", entry.Message);
                WriteNullableString(writer, "source", entry.Source);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan) + "\n";
    }

    private static void WriteNullableString(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, value);
        }
    }
}
