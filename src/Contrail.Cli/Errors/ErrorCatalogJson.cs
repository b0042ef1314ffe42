using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using Contrail.Cli.CommandLine;

namespace Contrail.Cli.Errors;

/// <summary>
/// Parses the JSON of an <c>ErrorCatalogAttribute</c>:
/// <c>{"version":1,"errors":[{"domain":…,"reason":…,"code":…,"codeValue":…,"httpStatus":…,"metadataKeys":[…],"message":…,"source":…}]}</c>.
/// Properties it does not know are ignored, so that a newer generator's additions do not break it.
/// </summary>
internal static class ErrorCatalogJson
{
    /// <summary>The catalog format version this tool reads.</summary>
    public const int SupportedVersion = 1;

    /// <summary>Parses a catalog.</summary>
    /// <param name="json">The attribute's JSON.</param>
    /// <param name="assemblyPath">The assembly the catalog came from, for messages.</param>
    /// <returns>The catalog's errors, in the catalog's order.</returns>
    /// <exception cref="CliException">The JSON is not a valid catalog.</exception>
    public static IReadOnlyList<ErrorCatalogEntry> Parse(string json, string assemblyPath)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return ReadCatalog(document.RootElement, assemblyPath);
        }
        catch (JsonException exception)
        {
            throw Corrupt(assemblyPath, exception.Message);
        }
        catch (CatalogFormatException exception)
        {
            throw Corrupt(assemblyPath, exception.Message);
        }
    }

    private static CliException Corrupt(string assemblyPath, string detail) =>
        new($"corrupt error catalog in '{assemblyPath}': {CliText.WithoutFinalPeriod(CliText.OneLine(detail))}");

    private static IReadOnlyList<ErrorCatalogEntry> ReadCatalog(JsonElement root, string assemblyPath)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new CatalogFormatException($"the catalog is a JSON {Describe(root.ValueKind)}, not an object");
        }

        if (!root.TryGetProperty("version", out var version) || version.ValueKind != JsonValueKind.Number || !version.TryGetInt32(out var versionNumber))
        {
            throw new CatalogFormatException("\"version\" is missing or not an integer");
        }

        if (versionNumber != SupportedVersion)
        {
            throw new CliException(
                $"the error catalog in '{assemblyPath}' has version {versionNumber.ToString(CultureInfo.InvariantCulture)}; "
                + $"this contrail reads version {SupportedVersion.ToString(CultureInfo.InvariantCulture)} (update the tool)");
        }

        if (!root.TryGetProperty("errors", out var errors) || errors.ValueKind != JsonValueKind.Array)
        {
            throw new CatalogFormatException("\"errors\" is missing or not an array");
        }

        var entries = new List<ErrorCatalogEntry>(errors.GetArrayLength());
        var index = 0;
        foreach (var error in errors.EnumerateArray())
        {
            entries.Add(ReadError(error, $"errors[{index.ToString(CultureInfo.InvariantCulture)}]"));
            index++;
        }

        return entries;
    }

    private static ErrorCatalogEntry ReadError(JsonElement error, string where)
    {
        if (error.ValueKind != JsonValueKind.Object)
        {
            throw new CatalogFormatException($"{where} is a JSON {Describe(error.ValueKind)}, not an object");
        }

        return new ErrorCatalogEntry(
            Domain: RequiredString(error, "domain", where),
            Reason: RequiredString(error, "reason", where),
            Code: RequiredString(error, "code", where),
            CodeValue: RequiredInt32(error, "codeValue", where),
            HttpStatus: RequiredInt32(error, "httpStatus", where),
            MetadataKeys: OptionalStrings(error, "metadataKeys", where),
            Message: OptionalString(error, "message", where),
            Source: OptionalString(error, "source", where));
    }

    private static string RequiredString(JsonElement error, string name, string where) =>
        error.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw new CatalogFormatException($"{where}.{name} is missing or not a string");

    private static int RequiredInt32(JsonElement error, string name, string where) =>
        error.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number)
            ? number
            : throw new CatalogFormatException($"{where}.{name} is missing or not an integer");

    private static string? OptionalString(JsonElement error, string name, string where)
    {
        if (!error.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : throw new CatalogFormatException($"{where}.{name} is not a string or null");
    }

    private static IReadOnlyList<string> OptionalStrings(JsonElement error, string name, string where)
    {
        if (!error.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return Array.Empty<string>();
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            throw new CatalogFormatException($"{where}.{name} is not an array");
        }

        var strings = new List<string>(value.GetArrayLength());
        foreach (var item in value.EnumerateArray())
        {
            strings.Add(item.ValueKind == JsonValueKind.String
                ? item.GetString()!
                : throw new CatalogFormatException($"{where}.{name} holds a JSON {Describe(item.ValueKind)}, not a string"));
        }

        return strings;
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "object",
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        JsonValueKind.Number => "number",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        JsonValueKind.Null => "null",
        _ => "value",
    };

    /// <summary>A catalog that is valid JSON but not of the catalog's shape.</summary>
    private sealed class CatalogFormatException : Exception
    {
        public CatalogFormatException(string message)
            : base(message)
        {
        }
    }
}
