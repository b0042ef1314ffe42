using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Contrail.Schema.Breaking;

namespace Contrail.Cli.Proto;

/// <summary>
/// Prints findings in one of the <see cref="BreakingOutputFormat"/>s. Each finding's path is the one the
/// user can open (the input directory joined with the file's path in the image), as buf prints it.
/// </summary>
internal static class BreakingReport
{
    /// <summary>buf's documentation of the breaking rules; each rule has an anchor of its lower-case ID.</summary>
    public const string RulesDocumentation = "https://buf.build/docs/breaking/rules/";

    private static readonly JsonWriterOptions CompactJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Formats the findings; empty text when there are none (except SARIF, which is always one log).</summary>
    /// <param name="findings">The findings, in the engine's order.</param>
    /// <param name="format">The format.</param>
    /// <param name="displayPath">Maps a file's path in the image to the path printed.</param>
    /// <returns>The text, '\n' line ends.</returns>
    public static string Format(IReadOnlyList<BreakingFinding> findings, BreakingOutputFormat format, Func<string, string> displayPath) => format switch
    {
        BreakingOutputFormat.Json => Lines(findings, finding => Json(finding, displayPath(finding.Location.Path))),
        BreakingOutputFormat.Sarif => Sarif(findings, displayPath),
        BreakingOutputFormat.GitHubActions => Lines(findings, finding => GitHubActions(finding, displayPath(finding.Location.Path))),
        BreakingOutputFormat.MSBuild => Lines(findings, finding => MSBuild(finding, displayPath(finding.Location.Path))),
        _ => Lines(findings, finding => Text(finding, displayPath(finding.Location.Path))),
    };

    /// <summary>The help address of a rule in buf's documentation.</summary>
    /// <param name="ruleId">The rule ID.</param>
    /// <returns>The address.</returns>
    public static string HelpUri(string ruleId) => RulesDocumentation + "#" + ruleId.ToLowerInvariant();

    private static string Lines(IReadOnlyList<BreakingFinding> findings, Func<BreakingFinding, string> line)
    {
        var builder = new StringBuilder();
        foreach (var finding in findings)
        {
            builder.Append(line(finding)).Append('\n');
        }

        return builder.ToString();
    }

    private static string Text(BreakingFinding finding, string path) =>
        string.Format(CultureInfo.InvariantCulture, "{0}:{1}:{2}:{3}", path, finding.Location.StartLine, finding.Location.StartColumn, OneLine(finding.Message));

    private static string MSBuild(BreakingFinding finding, string path)
    {
        // MSBuild's canonical error format; a position it cannot use (0) is left out rather than invented.
        var location = finding.Location.StartLine > 0
            ? string.Format(CultureInfo.InvariantCulture, "({0},{1})", finding.Location.StartLine, Math.Max(1, finding.Location.StartColumn))
            : string.Empty;
        return $"{path}{location}: error {finding.RuleId}: {OneLine(finding.Message)}";
    }

    private static string GitHubActions(BreakingFinding finding, string path)
    {
        var location = finding.Location;
        var properties = new StringBuilder("file=").Append(EscapeProperty(path));
        if (location.StartLine > 0)
        {
            properties.Append(",line=").Append(location.StartLine.ToString(CultureInfo.InvariantCulture))
                .Append(",col=").Append(location.StartColumn.ToString(CultureInfo.InvariantCulture))
                .Append(",endLine=").Append(location.EndLine.ToString(CultureInfo.InvariantCulture))
                .Append(",endColumn=").Append(location.EndColumn.ToString(CultureInfo.InvariantCulture));
        }

        return "::error " + properties + "::" + EscapeData(finding.Message);
    }

    private static string Json(BreakingFinding finding, string path)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, CompactJson))
        {
            writer.WriteStartObject();
            writer.WriteString("path", path);
            writer.WriteNumber("start_line", finding.Location.StartLine);
            writer.WriteNumber("start_column", finding.Location.StartColumn);
            writer.WriteNumber("end_line", finding.Location.EndLine);
            writer.WriteNumber("end_column", finding.Location.EndColumn);
            writer.WriteString("type", finding.RuleId);
            writer.WriteString("message", finding.Message);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static string Sarif(IReadOnlyList<BreakingFinding> findings, Func<string, string> displayPath)
    {
        var rules = findings.Select(finding => finding.RuleId).Distinct(StringComparer.Ordinal).OrderBy(id => id, StringComparer.Ordinal).ToList();
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteString("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
            writer.WriteString("version", "2.1.0");
            writer.WriteStartArray("runs");
            writer.WriteStartObject();

            writer.WriteStartObject("tool");
            writer.WriteStartObject("driver");
            writer.WriteString("name", "contrail");
            writer.WriteString("fullName", "contrail proto breaking");
            writer.WriteString("version", ToolVersion());
            writer.WriteString("informationUri", RulesDocumentation);
            writer.WriteStartArray("rules");
            foreach (var rule in rules)
            {
                writer.WriteStartObject();
                writer.WriteString("id", rule);
                writer.WriteStartObject("shortDescription");
                writer.WriteString("text", BreakingRules.Find(rule)?.Purpose is { Length: > 0 } purpose ? purpose : "buf breaking rule " + rule);
                writer.WriteEndObject();
                writer.WriteString("helpUri", HelpUri(rule));
                writer.WriteStartObject("defaultConfiguration");
                writer.WriteString("level", "error");
                writer.WriteEndObject();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.WriteEndObject();

            writer.WriteStartArray("results");
            foreach (var finding in findings)
            {
                writer.WriteStartObject();
                writer.WriteString("ruleId", finding.RuleId);
                writer.WriteNumber("ruleIndex", rules.IndexOf(finding.RuleId));
                writer.WriteString("level", "error");
                writer.WriteStartObject("message");
                writer.WriteString("text", finding.Message);
                writer.WriteEndObject();
                writer.WriteStartArray("locations");
                writer.WriteStartObject();
                writer.WriteStartObject("physicalLocation");
                writer.WriteStartObject("artifactLocation");
                writer.WriteString("uri", ToUri(displayPath(finding.Location.Path)));
                writer.WriteEndObject();
                if (finding.Location.StartLine > 0)
                {
                    // SARIF lines and columns are 1-based and must be positive: a position without source info has none.
                    writer.WriteStartObject("region");
                    writer.WriteNumber("startLine", finding.Location.StartLine);
                    writer.WriteNumber("startColumn", Math.Max(1, finding.Location.StartColumn));
                    writer.WriteNumber("endLine", Math.Max(finding.Location.StartLine, finding.Location.EndLine));
                    writer.WriteNumber("endColumn", Math.Max(1, finding.Location.EndColumn));
                    writer.WriteEndObject();
                }

                writer.WriteEndObject();
                writer.WriteEndObject();
                writer.WriteEndArray();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private static string ToUri(string path)
    {
        // A relative path becomes a relative URI reference (SARIF resolves it against the run's root).
        var segments = path.Replace('\\', '/').Split('/').Select(Uri.EscapeDataString);
        return string.Join("/", segments);
    }

    private static string ToolVersion()
    {
        var assembly = typeof(BreakingReport).Assembly;
        var informational = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        if (!string.IsNullOrEmpty(informational))
        {
            var plus = informational!.IndexOf('+');
            return plus >= 0 ? informational.Substring(0, plus) : informational;
        }

        return assembly.GetName().Version?.ToString() ?? "0.0.0";
    }

    // GitHub's workflow command escaping (as @actions/core does): data escapes %, CR, LF; properties also ':' and ','.
    private static string EscapeData(string value) =>
        value.Replace("%", "%25").Replace("\r", "%0D").Replace("\n", "%0A");

    private static string EscapeProperty(string value) =>
        EscapeData(value).Replace(":", "%3A").Replace(",", "%2C");

    private static string OneLine(string text) => text.Replace("\r\n", " ").Replace('\n', ' ').Replace('\r', ' ');
}
