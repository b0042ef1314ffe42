using System;
using System.Collections.Generic;
using System.Linq;

namespace Contrail.Cli.Metrics;

/// <summary>One instrument of a metrics manifest.</summary>
/// <param name="Meter">The meter name.</param>
/// <param name="MeterVersion">The meter version, or <see langword="null"/>.</param>
/// <param name="Name">The instrument name.</param>
/// <param name="Kind">The instrument kind: <c>counter</c>, <c>histogram</c>, <c>observable_gauge</c>, ...</param>
/// <param name="ValueType">The measurement's C# type, e.g. <c>long</c>.</param>
/// <param name="Unit">The unit, or <see langword="null"/>.</param>
/// <param name="Description">The description, or <see langword="null"/>.</param>
/// <param name="Tags">The tag keys, sorted.</param>
/// <param name="Buckets">The histogram bucket advice, or <see langword="null"/>.</param>
/// <param name="Source">The method that records it, or <see langword="null"/>.</param>
internal sealed record MetricsManifestEntry(
    string Meter,
    string? MeterVersion,
    string Name,
    string Kind,
    string ValueType,
    string? Unit,
    string? Description,
    IReadOnlyList<string> Tags,
    IReadOnlyList<double>? Buckets,
    string? Source)
{
    /// <summary>
    /// Merges the instruments of several assemblies: sorted by meter, instrument name and source
    /// (ordinal), exact repeats (the same assembly given twice) kept once.
    /// </summary>
    /// <param name="entries">The instruments, in any order.</param>
    /// <returns>The merged, sorted instruments.</returns>
    public static IReadOnlyList<MetricsManifestEntry> Merge(IEnumerable<MetricsManifestEntry> entries) =>
        entries
            .GroupBy(e => e.Key, StringComparer.Ordinal)
            .Select(g => g.First())
            .OrderBy(e => e.Meter, StringComparer.Ordinal)
            .ThenBy(e => e.Name, StringComparer.Ordinal)
            .ThenBy(e => e.Source ?? string.Empty, StringComparer.Ordinal)
            .ToList();

    /// <summary>Every field, for telling exact repeats apart from different instruments.</summary>
    private string Key => string.Join("\u0000", new[]
    {
        Meter, MeterVersion ?? "\u0001", Name, Kind, ValueType, Unit ?? "\u0001", Description ?? "\u0001",
        string.Join("\u0002", Tags), Buckets is null ? "\u0001" : string.Join("\u0002", Buckets.Select(b => b.ToString("R", System.Globalization.CultureInfo.InvariantCulture))), Source ?? "\u0001",
    });
}
