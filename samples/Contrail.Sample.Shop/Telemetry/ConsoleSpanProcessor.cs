using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using OpenTelemetry;

namespace Contrail.Sample.Shop.Telemetry;

/// <summary>
/// Keeps every finished span and prints them on demand, oldest first, one block per span:
/// name, kind, ids, duration, status and the attributes sorted by name.
/// </summary>
internal sealed class ConsoleSpanProcessor : BaseProcessor<Activity>
{
    private readonly object _gate = new();
    private readonly List<Activity> _finished = new();

    /// <inheritdoc />
    public override void OnEnd(Activity data)
    {
        lock (_gate)
        {
            _finished.Add(data);
        }
    }

    /// <summary>Writes the spans finished so far.</summary>
    public void Print(TextWriter writer)
    {
        Activity[] spans;
        lock (_gate)
        {
            spans = _finished.OrderBy(span => span.StartTimeUtc).ToArray();
        }

        writer.WriteLine($"Recorded spans ({spans.Length}):");
        foreach (var span in spans)
        {
            writer.WriteLine(Format(span));
        }
    }

    private static string Format(Activity span)
    {
        var text = new StringBuilder();
        var parent = span.ParentSpanId == default ? "(root)" : span.ParentSpanId.ToHexString();
        var status = span.Status.ToString().ToUpperInvariant();
        if (!string.IsNullOrEmpty(span.StatusDescription))
        {
            status += $" \"{span.StatusDescription}\"";
        }

        text.Append(CultureInfo.InvariantCulture, $"  {span.DisplayName}  [{span.Kind}]  {span.Duration.TotalMilliseconds:0.0} ms  status={status}").AppendLine();
        text.Append(CultureInfo.InvariantCulture, $"    trace={span.TraceId.ToHexString()[..8]}  span={span.SpanId.ToHexString()}  parent={parent}  source={span.Source.Name}").AppendLine();
        foreach (var tag in span.TagObjects.OrderBy(tag => tag.Key, StringComparer.Ordinal))
        {
            text.Append(CultureInfo.InvariantCulture, $"    {tag.Key} = {tag.Value}").AppendLine();
        }

        foreach (var spanEvent in span.Events)
        {
            var type = spanEvent.Tags.FirstOrDefault(tag => tag.Key == "exception.type").Value;
            text.Append(CultureInfo.InvariantCulture, $"    event: {spanEvent.Name}{(type is null ? string.Empty : $" ({type})")}").AppendLine();
        }

        return text.ToString().TrimEnd();
    }
}
