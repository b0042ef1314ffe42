using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using Contrail.Cli.CommandLine;

namespace Contrail.Cli.Metrics;

/// <summary>
/// Parses the JSON of a <c>MetricsManifestAttribute</c>:
/// <c>{"version":1,"instruments":[{"meter":…,"meterVersion":…,"name":…,"kind":…,"valueType":…,"unit":…,"description":…,"tags":[…],"buckets":[…]|null,"source":…}]}</c>.
/// Properties it does not know are ignored, so that a newer generator's additions do not break it.
/// </summary>
internal static class MetricsManifestJson
{
    /// <summary>The manifest format version this tool reads.</summary>
    public const int SupportedVersion = 1;

    /// <summary>Parses a manifest.</summary>
    /// <param name="json">The attribute's JSON.</param>
    /// <param name="assemblyPath">The assembly the manifest came from, for messages.</param>
    /// <returns>The manifest's instruments, in the manifest's order.</returns>
    /// <exception cref="CliException">The JSON is not a valid manifest.</exception>
    public static IReadOnlyList<MetricsManifestEntry> Parse(string json, string assemblyPath)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return Read(document.RootElement, assemblyPath);
        }
        catch (JsonException exception)
        {
            throw Corrupt(assemblyPath, exception.Message);
        }
        catch (ManifestFormatException exception)
        {
            throw Corrupt(assemblyPath, exception.Message);
        }
    }

    private static CliException Corrupt(string assemblyPath, string detail) =>
        new($"corrupt metrics manifest in '{assemblyPath}': {CliText.WithoutFinalPeriod(CliText.OneLine(detail))}");

    private static IReadOnlyList<MetricsManifestEntry> Read(JsonElement root, string assemblyPath)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new ManifestFormatException("the manifest is not a JSON object");
        }

        if (!root.TryGetProperty("version", out var version) || version.ValueKind != JsonValueKind.Number || !version.TryGetInt32(out var versionNumber))
        {
            throw new ManifestFormatException("\"version\" is missing or not an integer");
        }

        if (versionNumber != SupportedVersion)
        {
            throw new CliException(
                $"the metrics manifest in '{assemblyPath}' has version {versionNumber.ToString(CultureInfo.InvariantCulture)}; "
                + $"this contrail reads version {SupportedVersion.ToString(CultureInfo.InvariantCulture)} (update the tool)");
        }

        if (!root.TryGetProperty("instruments", out var instruments) || instruments.ValueKind != JsonValueKind.Array)
        {
            throw new ManifestFormatException("\"instruments\" is missing or not an array");
        }

        var entries = new List<MetricsManifestEntry>(instruments.GetArrayLength());
        var index = 0;
        foreach (var instrument in instruments.EnumerateArray())
        {
            var where = $"instruments[{index.ToString(CultureInfo.InvariantCulture)}]";
            if (instrument.ValueKind != JsonValueKind.Object)
            {
                throw new ManifestFormatException($"{where} is not an object");
            }

            entries.Add(new MetricsManifestEntry(
                Meter: RequiredString(instrument, "meter", where),
                MeterVersion: OptionalString(instrument, "meterVersion", where),
                Name: RequiredString(instrument, "name", where),
                Kind: RequiredString(instrument, "kind", where),
                ValueType: RequiredString(instrument, "valueType", where),
                Unit: OptionalString(instrument, "unit", where),
                Description: OptionalString(instrument, "description", where),
                Tags: Strings(instrument, "tags", where),
                Buckets: Numbers(instrument, "buckets", where),
                Source: OptionalString(instrument, "source", where)));
            index++;
        }

        return entries;
    }

    private static string RequiredString(JsonElement element, string name, string where) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw new ManifestFormatException($"{where}.{name} is missing or not a string");

    private static string? OptionalString(JsonElement element, string name, string where)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : throw new ManifestFormatException($"{where}.{name} is not a string or null");
    }

    private static IReadOnlyList<string> Strings(JsonElement element, string name, string where)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return Array.Empty<string>();
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            throw new ManifestFormatException($"{where}.{name} is not an array");
        }

        var strings = new List<string>(value.GetArrayLength());
        foreach (var item in value.EnumerateArray())
        {
            strings.Add(item.ValueKind == JsonValueKind.String ? item.GetString()! : throw new ManifestFormatException($"{where}.{name} holds a value that is not a string"));
        }

        return strings;
    }

    private static IReadOnlyList<double>? Numbers(JsonElement element, string name, string where)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            throw new ManifestFormatException($"{where}.{name} is not an array or null");
        }

        var numbers = new List<double>(value.GetArrayLength());
        foreach (var item in value.EnumerateArray())
        {
            numbers.Add(item.ValueKind == JsonValueKind.Number && item.TryGetDouble(out var number) ? number : throw new ManifestFormatException($"{where}.{name} holds a value that is not a number"));
        }

        return numbers;
    }

    /// <summary>A manifest that is valid JSON but not of the manifest's shape.</summary>
    private sealed class ManifestFormatException : Exception
    {
        public ManifestFormatException(string message)
            : base(message)
        {
        }
    }
}
