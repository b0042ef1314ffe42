using System;
using System.Collections.Generic;
using System.CommandLine;
using System.CommandLine.Parsing;
using System.IO;
using Contrail.Cli.CommandLine;

namespace Contrail.Cli.Errors;

/// <summary>
/// <c>contrail errors list &lt;assembly-path&gt;... [--format markdown|json] [--output &lt;file&gt;]</c>:
/// the errors of every given assembly's catalog, merged and sorted by domain then reason.
/// </summary>
internal static class ErrorsListCommand
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
        var format = new Option<ErrorListFormat>("--format", "-f")
        {
            // No default value factory: help would show the enum member's name; absent means markdown.
            Description = "The output format: markdown (the default) or json.",
            HelpName = "markdown|json",
            CustomParser = ParseFormat,
        };
        var outputFile = new Option<string?>("--output", "-o")
        {
            Description = "Write the output to this file (UTF-8) instead of standard output.",
            HelpName = "file",
        };

        var list = new Command("list", "List the errors of the assemblies' error catalogs, sorted by domain then reason.")
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

    /// <summary>Reads, merges and writes the catalogs.</summary>
    /// <param name="assemblyPaths">The assemblies, as the user named them.</param>
    /// <param name="format">The output format.</param>
    /// <param name="outputPath">The file to write, or <see langword="null"/> for the output writer.</param>
    /// <param name="output">Where to write.</param>
    /// <returns>The exit code.</returns>
    /// <exception cref="CliException">An assembly cannot be read or the output file cannot be written.</exception>
    public static int Execute(IReadOnlyList<string> assemblyPaths, ErrorListFormat format, string? outputPath, CliOutput output)
    {
        if (outputPath is { Length: 0 })
        {
            throw new CliException("--output needs a file path");
        }

        var entries = new List<ErrorCatalogEntry>();
        foreach (var path in assemblyPaths)
        {
            foreach (var json in AssemblyCatalogReader.ReadCatalogs(path))
            {
                entries.AddRange(ErrorCatalogJson.Parse(json, path));
            }
        }

        var catalog = ErrorCatalogEntry.Merge(entries);
        var text = format == ErrorListFormat.Json
            ? JsonCatalogWriter.Write(catalog)
            : MarkdownCatalogWriter.Write(catalog);

        if (outputPath is null)
        {
            output.Write(text);
        }
        else
        {
            WriteFile(outputPath, text);
        }

        if (catalog.Count == 0)
        {
            output.WriteNote(assemblyPaths.Count == 1
                ? $"no [GrpcError] errors found in '{assemblyPaths[0]}' (it has no Contrail error catalog)"
                : $"no [GrpcError] errors found in the {assemblyPaths.Count} given assemblies (none has a Contrail error catalog)");
        }

        return ContrailCli.ExitSuccess;
    }

    private static ErrorListFormat ParseFormat(ArgumentResult result)
    {
        var value = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Empty;
        if (string.Equals(value, "markdown", StringComparison.OrdinalIgnoreCase))
        {
            return ErrorListFormat.Markdown;
        }

        if (string.Equals(value, "json", StringComparison.OrdinalIgnoreCase))
        {
            return ErrorListFormat.Json;
        }

        result.AddError($"unknown format '{value}' (expected markdown or json)");
        return ErrorListFormat.Markdown;
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
