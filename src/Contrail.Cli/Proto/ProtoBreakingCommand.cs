using System;
using System.Collections.Generic;
using System.CommandLine;
using System.CommandLine.Parsing;
using System.IO;
using System.Linq;
using Contrail.Cli.CommandLine;
using Contrail.Cli.Proto.Configuration;
using Contrail.Schema;
using Contrail.Schema.Breaking;
using Contrail.Schema.Inputs;

namespace Contrail.Cli.Proto;

/// <summary>
/// <c>contrail proto breaking &lt;input&gt; --against &lt;input&gt; [--category ...] [--config buf.yaml]
/// [--exclude-path path]... [--format ...]</c>: the breaking changes from the baseline to the input, with
/// buf's rules, rule IDs and messages. Exit code 0 without findings, 100 with findings, 1 on a usage or
/// input error.
/// </summary>
internal static class ProtoBreakingCommand
{
    private static readonly string[] Categories = { "FILE", "PACKAGE", "WIRE_JSON", "WIRE" };

    private static readonly (string Name, BreakingOutputFormat Format)[] Formats =
    {
        ("text", BreakingOutputFormat.Text),
        ("json", BreakingOutputFormat.Json),
        ("sarif", BreakingOutputFormat.Sarif),
        ("github-actions", BreakingOutputFormat.GitHubActions),
        ("msbuild", BreakingOutputFormat.MSBuild),
    };

    /// <summary>Creates the <c>breaking</c> command.</summary>
    /// <param name="output">Where the command writes.</param>
    /// <returns>The command.</returns>
    public static Command Create(CliOutput output)
    {
        var input = new Argument<string>("input")
        {
            Description = "The current schema: " + ProtoInputOptions.InputSyntax + ".",
        };
        var against = new Option<string>("--against")
        {
            Description = "The baseline to compare with, in the same syntax; a git input without SUBDIR reads the current input's directory at that revision.",
            HelpName = "input",
            Required = true,
        };
        var category = new Option<string?>("--category")
        {
            Description = "Check this category's rules instead of buf.yaml's 'use': FILE (the default), PACKAGE, WIRE_JSON or WIRE.",
            HelpName = string.Join("|", Categories),
            CustomParser = ParseCategory,
        };
        var config = new Option<string?>("--config")
        {
            Description = "The buf.yaml whose 'breaking' section applies; by default the nearest buf.yaml in or above a directory input that configures it.",
            HelpName = "buf.yaml",
        };
        var excludePaths = new Option<string[]>("--exclude-path")
        {
            Description = "A file or directory of the input not to check (added to buf.yaml's 'ignore'); repeatable.",
            HelpName = "path",
            Arity = ArgumentArity.OneOrMore,
            AllowMultipleArgumentsPerToken = false,
        };
        var format = new Option<BreakingOutputFormat>("--format", "--error-format")
        {
            Description = "The output format: text (the default), json, sarif, github-actions or msbuild.",
            HelpName = string.Join("|", Formats.Select(f => f.Name)),
            CustomParser = ParseFormat,
        };
        var inputOptions = new ProtoInputOptions();
        var breaking = new Command("breaking", "Report the breaking changes from a baseline to the current schema, with buf's rules (exit code 100 when there are any).")
        {
            input,
            against,
            category,
            config,
            excludePaths,
            format,
        };
        inputOptions.AddTo(breaking);
        breaking.SetAction(parseResult => Execute(
            new Request(
                parseResult.GetRequiredValue(input),
                parseResult.GetRequiredValue(against),
                parseResult.GetValue(category),
                parseResult.GetValue(config),
                parseResult.GetValue(excludePaths) ?? Array.Empty<string>(),
                parseResult.GetValue(format)),
            inputOptions,
            parseResult,
            output));
        return breaking;
    }

    private static int Execute(Request request, ProtoInputOptions inputOptions, ParseResult parseResult, CliOutput output)
    {
        var current = ProtoInputOptions.Parse(request.Input);
        var baseline = ProtoInputOptions.Parse(request.Against);
        var currentIsDirectory = current.Kind == SchemaInputKind.Directory;

        // The configuration is read before any compilation: a broken buf.yaml fails fast.
        var options = ResolveOptions(request, current);

        // A git baseline is read from the repository the current input lives in, and by default from the
        // same directory at that revision, so that 'protos --against git:main' compares like with like.
        string? repository = currentIsDirectory && Directory.Exists(current.Path) ? current.Path : null;
        string? defaultSubdirectory = null;
        if (baseline.Kind == SchemaInputKind.Git && baseline.GitSubdirectory is null && repository is not null)
        {
            defaultSubdirectory = SchemaInputResolver.FindGitSubdirectory(repository);
        }

        var loadOptions = inputOptions.Create(parseResult, repository, defaultSubdirectory);
        ProtoInputOptions.CheckIncludes(loadOptions.IncludePaths);
        var currentImage = ProtoInputOptions.Load(current, loadOptions, string.Empty);
        var baselineImage = ProtoInputOptions.Load(baseline, loadOptions, "baseline");

        if (!SharesAFile(currentImage, baselineImage))
        {
            output.WriteNote(
                $"the input '{request.Input}' and the baseline '{request.Against}' share no file path, so every baseline file is reported as deleted; "
                + "check that both name their files relative to the same root");
        }

        IReadOnlyList<BreakingFinding> findings;
        try
        {
            findings = BreakingChecker.Check(currentImage, baselineImage, options);
        }
        catch (BreakingConfigurationException exception)
        {
            throw new CliException(exception.Message, exception);
        }

        Func<string, string> displayPath = currentIsDirectory ? path => DisplayPath(current.Path, path) : path => path;
        var text = BreakingReport.Format(findings, request.Format, displayPath);
        if (text.Length > 0)
        {
            output.Write(text);
        }

        return findings.Count == 0 ? ContrailCli.ExitSuccess : ContrailCli.ExitFindings;
    }

    private static BreakingOptions ResolveOptions(Request request, SchemaInput current)
    {
        BreakingOptions options;
        try
        {
            if (request.Config is not null)
            {
                if (request.Config.Length == 0)
                {
                    throw new CliException("--config needs a buf.yaml path");
                }

                if (!File.Exists(request.Config))
                {
                    throw new CliException($"configuration file not found: '{request.Config}'");
                }

                var configuration = BufYamlReader.ReadFile(request.Config);
                options = configuration.OptionsFor(ModuleDirectory(request.Config, current));
            }
            else
            {
                options = current.Kind == SchemaInputKind.Directory
                    ? BufYamlLocator.Locate(current.Path)?.Options ?? BreakingOptions.Default
                    : BreakingOptions.Default;
            }
        }
        catch (BufYamlException exception)
        {
            throw new CliException(exception.Message, exception);
        }

        var ignore = options.Ignore.Concat(request.ExcludePaths.Select(path => ExcludePath(path, current))).ToList();
        return new BreakingOptions
        {
            Use = request.Category is null ? options.Use : new[] { request.Category },
            Except = options.Except,
            Ignore = ignore,
            IgnoreOnly = options.IgnoreOnly,
            IgnoreUnstablePackages = options.IgnoreUnstablePackages,
        };
    }

    /// <summary>The input directory relative to the buf.yaml's directory, when it is inside it; else the buf.yaml's own directory.</summary>
    private static string ModuleDirectory(string configPath, SchemaInput current)
    {
        if (current.Kind != SchemaInputKind.Directory || !Directory.Exists(current.Path))
        {
            return string.Empty;
        }

        var configDirectory = Path.GetDirectoryName(Path.GetFullPath(configPath))!;
        return RelativeInside(configDirectory, Path.GetFullPath(current.Path)) ?? string.Empty;
    }

    /// <summary>An exclude path on disk inside the input directory becomes relative to it; anything else is a path in the image.</summary>
    private static string ExcludePath(string path, SchemaInput current)
    {
        if (path.Length == 0)
        {
            throw new CliException("--exclude-path needs a path");
        }

        if (current.Kind == SchemaInputKind.Directory && Directory.Exists(current.Path)
            && (File.Exists(path) || Directory.Exists(path))
            && RelativeInside(Path.GetFullPath(current.Path), Path.GetFullPath(path)) is { } relative)
        {
            return relative.Length == 0 ? "." : relative;
        }

        return path.Replace('\\', '/').TrimEnd('/');
    }

    private static string? RelativeInside(string directory, string path)
    {
        var root = directory.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        var full = path.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        if (string.Equals(root, full, StringComparison.Ordinal))
        {
            return string.Empty;
        }

        var prefix = root + Path.DirectorySeparatorChar;
        return full.StartsWith(prefix, StringComparison.Ordinal)
            ? full.Substring(prefix.Length).Replace(Path.DirectorySeparatorChar, '/')
            : null;
    }

    private static bool SharesAFile(SchemaImage current, SchemaImage baseline)
    {
        var baselineOwn = baseline.OwnFiles.Select(file => file.Name).ToList();
        return baselineOwn.Count == 0 || baselineOwn.Any(path => current.FindFile(path) is not null);
    }

    private static string DisplayPath(string inputDirectory, string path)
    {
        var directory = inputDirectory.Replace('\\', '/').TrimEnd('/');
        while (directory.StartsWith("./", StringComparison.Ordinal))
        {
            directory = directory.Substring(2);
        }

        return directory is "" or "." ? path : directory + "/" + path;
    }

    private static string? ParseCategory(ArgumentResult result)
    {
        var value = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Empty;
        var match = Categories.FirstOrDefault(c => string.Equals(c, value, StringComparison.OrdinalIgnoreCase));
        if (match is null)
        {
            result.AddError($"unknown category '{value}' (expected {string.Join(", ", Categories)})");
        }

        return match;
    }

    private static BreakingOutputFormat ParseFormat(ArgumentResult result)
    {
        var value = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Empty;
        foreach (var (name, format) in Formats)
        {
            if (string.Equals(name, value, StringComparison.OrdinalIgnoreCase))
            {
                return format;
            }
        }

        result.AddError($"unknown format '{value}' (expected {string.Join(", ", Formats.Select(f => f.Name))})");
        return BreakingOutputFormat.Text;
    }

    private sealed record Request(string Input, string Against, string? Category, string? Config, IReadOnlyList<string> ExcludePaths, BreakingOutputFormat Format);
}
