using System.Buffers;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Contrail.Cli.Metrics;

/// <summary>
/// Writes merged instruments as a Markdown heading and table, or as indented JSON
/// (<c>{"instruments":[...]}</c>, the manifest's fields in a fixed order), both with '\n' line ends.
/// </summary>
internal static class MetricsManifestWriters
{
    /// <summary>The Markdown heading line.</summary>
    public const string Heading = "# Metrics";

    private static readonly JsonWriterOptions JsonOptions = new()
    {
        Indented = true,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Writes the instruments as Markdown.</summary>
    /// <param name="entries">The merged, sorted instruments.</param>
    /// <returns>The Markdown text, ending with a line end.</returns>
    public static string WriteMarkdown(IReadOnlyList<MetricsManifestEntry> entries)
    {
        var builder = new StringBuilder();
        builder.Append(Heading).Append("\n\n");
        builder.Append("| Meter | Instrument | Kind | Type | Unit | Tags | Description | Source |\n");
        builder.Append("|---|---|---|---|---|---|---|---|\n");
        foreach (var entry in entries)
        {
            var meter = entry.MeterVersion is null ? Text(entry.Meter) : Text(entry.Meter) + " " + Text(entry.MeterVersion);
            var kind = entry.Buckets is null
                ? Text(entry.Kind)
                : Text(entry.Kind) + " (buckets " + string.Join(", ", entry.Buckets.Select(b => b.ToString("R", CultureInfo.InvariantCulture))) + ")";
            builder.Append("| ").Append(meter)
                .Append(" | `").Append(Text(entry.Name)).Append('`')
                .Append(" | ").Append(kind)
                .Append(" | ").Append(Text(entry.ValueType))
                .Append(" | ").Append(entry.Unit is null ? string.Empty : "`" + Text(entry.Unit) + "`")
                .Append(" | ").Append(string.Join(", ", entry.Tags.Select(t => "`" + Text(t) + "`")))
                .Append(" | ").Append(entry.Description is null ? string.Empty : Text(entry.Description))
                .Append(" | ").Append(entry.Source is null ? string.Empty : Text(entry.Source))
                .Append(" |\n");
        }

        return builder.ToString();
    }

    /// <summary>Writes the instruments as JSON.</summary>
    /// <param name="entries">The merged, sorted instruments.</param>
    /// <returns>The JSON text, ending with a line end.</returns>
    public static string WriteJson(IReadOnlyList<MetricsManifestEntry> entries)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, JsonOptions))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("instruments");
            foreach (var entry in entries)
            {
                writer.WriteStartObject();
                writer.WriteString("meter", entry.Meter);
                WriteNullable(writer, "meterVersion", entry.MeterVersion);
                writer.WriteString("name", entry.Name);
                writer.WriteString("kind", entry.Kind);
                writer.WriteString("valueType", entry.ValueType);
                WriteNullable(writer, "unit", entry.Unit);
                WriteNullable(writer, "description", entry.Description);
                writer.WriteStartArray("tags");
                foreach (var tag in entry.Tags)
                {
                    writer.WriteStringValue(tag);
                }

                writer.WriteEndArray();
                if (entry.Buckets is null)
                {
                    writer.WriteNull("buckets");
                }
                else
                {
                    writer.WriteStartArray("buckets");
                    foreach (var bucket in entry.Buckets)
                    {
                        writer.WriteNumberValue(bucket);
                    }

                    writer.WriteEndArray();
                }

                WriteNullable(writer, "source", entry.Source);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan) + "\n";
    }

    private static void WriteNullable(Utf8JsonWriter writer, string name, string? value)
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

    /// <summary>Cell text: on one line, with the column separator and backticks escaped.</summary>
    private static string Text(string value) =>
        value.Replace("\r\n", " ").Replace('\r', ' ').Replace('\n', ' ').Replace("|", "\\|").Replace("`", "'");
}
