using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Text.Json;

namespace Contrail.Schema.Tests.Parity;

/// <summary>One finding as buf prints it with <c>--error-format json</c>.</summary>
internal sealed record BufFinding(string Path, int StartLine, int StartColumn, string RuleId, string Message);

/// <summary>Runs the real buf (pinned by .ci/run) on a corpus case.</summary>
internal static class BufCli
{
    public const string Version = "1.75.0";

    private static readonly Lazy<string?> LazyExecutable = new(() =>
    {
        var configured = Environment.GetEnvironmentVariable("CONTRAIL_BUF");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return File.Exists(configured) ? configured : null;
        }

        var local = Path.Combine(RepositoryPaths.Root, ".tools", "node_modules", ".bin", OperatingSystem.IsWindows() ? "buf.cmd" : "buf");
        return File.Exists(local) ? local : null;
    });

    /// <summary>The buf executable, or a failure telling how to install it (parity tests must not silently skip).</summary>
    public static string Executable => LazyExecutable.Value
        ?? throw new InvalidOperationException(
            $"buf not found: run `npm install --prefix .tools --no-audit --no-fund @bufbuild/buf@{Version}` in the repository root (as .ci/run does) or set CONTRAIL_BUF to a buf executable.");

    /// <summary>
    /// <c>buf breaking . --against ../before</c> from the case's <c>after</c> folder, so buf's paths are relative to the
    /// same root as Contrail's, with an inline v2 configuration that uses one category.
    /// </summary>
    public static IReadOnlyList<BufFinding> Breaking(string caseDirectory, string category)
    {
        var config = "{\"version\":\"v2\",\"breaking\":{\"use\":[\"" + category + "\"]}}";
        var startInfo = new ProcessStartInfo(Executable)
        {
            WorkingDirectory = Path.Combine(caseDirectory, "after"),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "breaking", ".", "--against", "../before", "--config", config, "--error-format", "json" })
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = Process.Start(startInfo)!;
        var errorTask = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        var error = errorTask.Result;
        if (process.ExitCode != 0 && process.ExitCode != 100)
        {
            throw new InvalidOperationException($"buf failed on {Path.GetFileName(caseDirectory)} ({category}), exit {process.ExitCode}: {error.Trim()}");
        }

        var findings = new List<BufFinding>();
        foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            findings.Add(new BufFinding(
                root.TryGetProperty("path", out var path) ? path.GetString() ?? string.Empty : string.Empty,
                root.TryGetProperty("start_line", out var startLine) ? startLine.GetInt32() : 0,
                root.TryGetProperty("start_column", out var startColumn) ? startColumn.GetInt32() : 0,
                root.GetProperty("type").GetString()!,
                root.GetProperty("message").GetString()!));
        }

        return findings;
    }
}
