using System;
using System.Collections.Generic;
using System.CommandLine;
using System.CommandLine.Parsing;
using System.IO;

namespace Contrail.Cli.CommandLine;

/// <summary>
/// A <c>list &lt;assembly-path&gt;... [--format markdown|json] [--output &lt;file&gt;]</c> command that reads
/// one assembly attribute's JSON from every given assembly, merges the entries and writes them: the
/// machinery <c>contrail errors list</c> and <c>contrail metrics list</c> share. Each group supplies what
/// is its own: the attribute, the JSON parser, the merge, the writers and the wording.
/// </summary>
/// <typeparam name="TEntry">One entry of the list (an error, an instrument).</typeparam>
internal sealed class AssemblyListCommand<TEntry>
{
    /// <summary>Gets the command's description in help, e.g. <c>List the errors of ...</c>.</summary>
    public required string Description { get; init; }

    /// <summary>Gets the reader of the attribute that holds the JSON.</summary>
    public required AssemblyAttributeReader Reader { get; init; }

    /// <summary>Gets the parser of one attribute's JSON: <c>(json, assemblyPath) =&gt; entries</c>; it throws <see cref="CliException"/> for corrupt JSON.</summary>
    public required Func<string, string, IReadOnlyList<TEntry>> Parse { get; init; }

    /// <summary>Gets the merge of every assembly's entries into the sorted list to write.</summary>
    public required Func<IEnumerable<TEntry>, IReadOnlyList<TEntry>> Merge { get; init; }

    /// <summary>Gets the writer of <c>--format markdown</c> (the default).</summary>
    public required Func<IReadOnlyList<TEntry>, string> WriteMarkdown { get; init; }

    /// <summary>Gets the writer of <c>--format json</c>.</summary>
    public required Func<IReadOnlyList<TEntry>, string> WriteJson { get; init; }

    /// <summary>Gets the note when one assembly was given and it has no entries: <c>path =&gt; note</c>.</summary>
    public required Func<string, string> NoneInOneAssembly { get; init; }

    /// <summary>Gets the note when several assemblies were given and none has entries: <c>count =&gt; note</c>.</summary>
    public required Func<int, string> NoneInAssemblies { get; init; }

    /// <summary>Creates the <c>list</c> command.</summary>
    /// <param name="output">Where the command writes.</param>
    /// <returns>The command.</returns>
    public Command Create(CliOutput output)
    {
        var assemblies = new Argument<string[]>("assembly-path")
        {
            Arity = ArgumentArity.OneOrMore,
            Description = "The compiled assemblies (.dll or .exe) to read. They are read as files, never loaded or run.",
        };
        var format = new Option<ListFormat>("--format", "-f")
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

        var list = new Command("list", Description)
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

    /// <summary>Reads, merges and writes the assemblies' entries.</summary>
    /// <param name="assemblyPaths">The assemblies, as the user named them.</param>
    /// <param name="format">The output format.</param>
    /// <param name="outputPath">The file to write, or <see langword="null"/> for the output writer.</param>
    /// <param name="output">Where to write.</param>
    /// <returns>The exit code.</returns>
    /// <exception cref="CliException">An assembly cannot be read or the output file cannot be written.</exception>
    public int Execute(IReadOnlyList<string> assemblyPaths, ListFormat format, string? outputPath, CliOutput output)
    {
        if (outputPath is { Length: 0 })
        {
            throw new CliException("--output needs a file path");
        }

        // Each assembly's JSON is parsed as soon as it is read, so the first bad input named on the
        // command line is the one reported.
        var entries = new List<TEntry>();
        foreach (var path in assemblyPaths)
        {
            foreach (var json in Reader.Read(path))
            {
                entries.AddRange(Parse(json, path));
            }
        }

        var merged = Merge(entries);
        var text = format == ListFormat.Json
            ? WriteJson(merged)
            : WriteMarkdown(merged);

        if (outputPath is null)
        {
            output.Write(text);
        }
        else
        {
            WriteFile(outputPath, text);
        }

        if (merged.Count == 0)
        {
            output.WriteNote(assemblyPaths.Count == 1
                ? NoneInOneAssembly(assemblyPaths[0])
                : NoneInAssemblies(assemblyPaths.Count));
        }

        return ContrailCli.ExitSuccess;
    }

    private static ListFormat ParseFormat(ArgumentResult result)
    {
        var value = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Empty;
        if (string.Equals(value, "markdown", StringComparison.OrdinalIgnoreCase))
        {
            return ListFormat.Markdown;
        }

        if (string.Equals(value, "json", StringComparison.OrdinalIgnoreCase))
        {
            return ListFormat.Json;
        }

        result.AddError($"unknown format '{value}' (expected markdown or json)");
        return ListFormat.Markdown;
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
