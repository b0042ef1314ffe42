using System;
using System.Diagnostics;
using System.IO;
using Xunit;

namespace Contrail.Cli.Tests.Proto;

/// <summary>The real buf, the reference implementation Contrail's baselines must interoperate with.</summary>
public static class BufTool
{
    /// <summary>The environment variable naming a buf executable, checked before the repository's .tools folder.</summary>
    public const string EnvironmentVariable = "CONTRAIL_BUF";

    /// <summary>buf: <c>CONTRAIL_BUF</c>, else <c>.tools/node_modules/.bin/buf</c> under the repository root. Fails the test with an install hint when missing.</summary>
    public static string Locate()
    {
        var configured = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrEmpty(configured))
        {
            Assert.True(File.Exists(configured), $"{EnvironmentVariable} names '{configured}', which does not exist.");
            return configured;
        }

        var root = RepositoryRoot();
        var buf = Path.Combine(root, ".tools", "node_modules", ".bin", OperatingSystem.IsWindows() ? "buf.cmd" : "buf");
        Assert.True(
            File.Exists(buf),
            $"buf is missing: run 'npm install --prefix .tools @bufbuild/buf@1.75.0' in the repository root (or set {EnvironmentVariable} to a buf executable). Looked for {buf}.");
        return buf;
    }

    /// <summary>Runs buf in <paramref name="workingDirectory"/>.</summary>
    public static CliResult Run(string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo(Locate())
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // buf caches modules under the home folder; the tests use no remote modules, but keep it out of the user's cache.
        start.Environment["BUF_CACHE_DIR"] = Path.Combine(Path.GetTempPath(), "contrail-buf-cache");
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(120_000), "buf did not finish within two minutes");
        return new CliResult(process.ExitCode, stdout.Result, stderr.Result);
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Generators.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (with Generators.sln) is not above " + AppContext.BaseDirectory);
    }
}
