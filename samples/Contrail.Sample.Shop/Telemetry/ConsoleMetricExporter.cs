using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using OpenTelemetry;
using OpenTelemetry.Metrics;

namespace Contrail.Sample.Shop.Telemetry;

/// <summary>
/// Turns the histogram and counter points of each export into text right away (metric points are
/// only valid during <see cref="Export"/>) and prints the last export on demand.
/// </summary>
internal sealed class ConsoleMetricExporter : BaseExporter<Metric>
{
    private readonly object _gate = new();
    private List<string> _lines = new();

    /// <inheritdoc />
    public override ExportResult Export(in Batch<Metric> batch)
    {
        var lines = new List<string>();
        foreach (var metric in batch)
        {
            var isHistogram = metric.MetricType == MetricType.Histogram;
            if (!isHistogram && metric.MetricType is not (MetricType.LongSum or MetricType.DoubleSum))
            {
                continue;
            }

            lines.Add($"{metric.Name} ({metric.Unit}) from {metric.MeterName}:");
            var points = new List<string>();
            foreach (ref readonly var point in metric.GetMetricPoints())
            {
                var attributes = new List<string>();
                foreach (var tag in point.Tags)
                {
                    attributes.Add($"{tag.Key}={tag.Value}");
                }

                attributes.Sort(StringComparer.Ordinal);
                points.Add(isHistogram
                    ? string.Format(
                        CultureInfo.InvariantCulture,
                        "  {{{0}}}  count={1} sum={2:0.0000} {3}",
                        string.Join(", ", attributes),
                        point.GetHistogramCount(),
                        point.GetHistogramSum(),
                        metric.Unit)
                    : string.Format(
                        CultureInfo.InvariantCulture,
                        "  {{{0}}}  sum={1} {2}",
                        string.Join(", ", attributes),
                        metric.MetricType == MetricType.LongSum ? point.GetSumLong() : point.GetSumDouble(),
                        metric.Unit));
            }

            points.Sort(StringComparer.Ordinal);
            lines.AddRange(points);
        }

        lock (_gate)
        {
            _lines = lines;
        }

        return ExportResult.Success;
    }

    /// <summary>Writes the histograms and counters of the last export.</summary>
    public void Print(TextWriter writer)
    {
        string[] lines;
        lock (_gate)
        {
            lines = _lines.ToArray();
        }

        writer.WriteLine("Recorded metrics:");
        foreach (var line in lines.DefaultIfEmpty("  (none)"))
        {
            writer.WriteLine(line);
        }
    }
}
