using System;
using System.Collections.Generic;
using System.CommandLine;
using System.CommandLine.Parsing;
using System.IO;
using Contrail.Cli.CommandLine;

namespace Contrail.Cli.Metrics;

/// <summary>
/// <c>contrail metrics list &lt;assembly-path&gt;... [--format markdown|json] [--output &lt;file&gt;]</c>:
/// the instruments of every given assembly's metrics manifest, merged and sorted by meter then name.
/// </summary>
internal static class MetricsListCommand
{
    /// <summary>Creates the <c>list</c> command.</summary>
    /// <param name="output">Where the command writes.</param>
    /// <returns>The command.</returns>
    public static Command Create(CliOutput output)
    {
        var assemblies = new Argument<string[]>("assembly-path")
        {
            Arity = ArgumentArity.OneOrMore,
            Description = "The compiled assemblies (.dll or .exe) to read. They are read as files, never loaded or run.",
        };
        var format = new Option<MetricsListFormat>("--format", "-f")
        {
            Description = "The output format: markdown (the default) or json.",
            HelpName = "markdown|json",
            CustomParser = ParseFormat,
        };
        var outputFile = new Option<string?>("--output", "-o")
        {
            Description = "Write the output to this file (UTF-8) instead of standard output.",
            HelpName = "file",
        };

        var list = new Command("list", "List the instruments of the assemblies' metrics manifests, sorted by meter then instrument name.")
        {
            assemblies,
            format,
            outputFile,
        };
        list.SetAction(parseResult => Execute(
            parseResult.GetRequiredValue(assemblies),
            parseResult.GetValue(format),
            parseResult.GetValue(outputFile),
            output));
        return list;
    }

    /// <summary>Reads, merges and writes the manifests.</summary>
    /// <param name="assemblyPaths">The assemblies, as the user named them.</param>
    /// <param name="format">The output format.</param>
    /// <param name="outputPath">The file to write, or <see langword="null"/> for the output writer.</param>
    /// <param name="output">Where to write.</param>
    /// <returns>The exit code.</returns>
    /// <exception cref="CliException">An assembly cannot be read or the output file cannot be written.</exception>
    public static int Execute(IReadOnlyList<string> assemblyPaths, MetricsListFormat format, string? outputPath, CliOutput output)
    {
        if (outputPath is { Length: 0 })
        {
            throw new CliException("--output needs a file path");
        }

        var entries = new List<MetricsManifestEntry>();
        foreach (var path in assemblyPaths)
        {
            foreach (var json in AssemblyManifestReader.ReadManifests(path))
            {
                entries.AddRange(MetricsManifestJson.Parse(json, path));
            }
        }

        var instruments = MetricsManifestEntry.Merge(entries);
        var text = format == MetricsListFormat.Json
            ? MetricsManifestWriters.WriteJson(instruments)
            : MetricsManifestWriters.WriteMarkdown(instruments);

        if (outputPath is null)
        {
            output.Write(text);
        }
        else
        {
            WriteFile(outputPath, text);
        }

        if (instruments.Count == 0)
        {
            output.WriteNote(assemblyPaths.Count == 1
                ? $"no instruments found in '{assemblyPaths[0]}' (it has no Contrail metrics manifest)"
                : $"no instruments found in the {assemblyPaths.Count} given assemblies (none has a Contrail metrics manifest)");
        }

        return ContrailCli.ExitSuccess;
    }

    private static MetricsListFormat ParseFormat(ArgumentResult result)
    {
        var value = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Empty;
        if (string.Equals(value, "markdown", StringComparison.OrdinalIgnoreCase))
        {
            return MetricsListFormat.Markdown;
        }

        if (string.Equals(value, "json", StringComparison.OrdinalIgnoreCase))
        {
            return MetricsListFormat.Json;
        }

        result.AddError($"unknown format '{value}' (expected markdown or json)");
        return MetricsListFormat.Markdown;
    }

    private static void WriteFile(string path, string text)
    {
        try
        {
            var fullPath = Path.GetFullPath(path);
            if (Path.GetDirectoryName(fullPath) is { Length: > 0 } directory)
            {
                Directory.CreateDirectory(directory);
            }

            File.WriteAllText(fullPath, text, CliText.Utf8NoBom);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new CliException($"cannot write '{path}': {CliText.OneLine(exception.Message)}", exception);
        }
    }
}
