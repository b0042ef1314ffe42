using System;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;
using Xunit;

namespace Contrail.Cli.Tests;

/// <summary>The real executable, run as `dotnet Contrail.Cli.dll ...`, as the installed tool runs.</summary>
public sealed class ToolProcessTests : IDisposable
{
    private readonly FixtureDirectory _fixtures = new();

    public void Dispose() => _fixtures.Dispose();

    [Fact]
    public async Task The_tool_entry_point_lists_a_catalog_and_reports_failures()
    {
        var shop = _fixtures.CompileWithCatalog("Acme.Shop", Catalogs.Shop);

        var listed = await RunToolAsync("errors", "list", shop, "--format", "json");
        Assert.Equal(string.Empty, listed.Stderr);
        Assert.Equal(Catalogs.ShopJson.ReplaceLineEndings("\n"), listed.Stdout);
        Assert.Equal(0, listed.ExitCode);

        var missing = Path.Combine(_fixtures.Path, "Missing.dll");
        var failed = await RunToolAsync("errors", "list", missing);
        Assert.Equal(1, failed.ExitCode);
        Assert.Equal(string.Empty, failed.Stdout);
        Assert.Equal($"contrail: file not found: '{missing}'", failed.Stderr.TrimEnd('\r', '\n'));
    }

    [Fact]
    public async Task The_tool_entry_point_checks_proto_schemas_with_exit_code_100()
    {
        using var workspace = new Proto.ProtoWorkspace();
        var (current, baseline) = workspace.WriteBrokenPair();

        var snapshot = await RunToolAsync("proto", "snapshot", baseline, "-o", workspace.Combine("base.binpb"));
        Assert.Equal(new CliResult(0, string.Empty, string.Empty), snapshot);

        var breaking = await RunToolAsync("proto", "breaking", current, "--against", workspace.Combine("base.binpb"), "--format", "msbuild");
        Assert.Equal(string.Empty, breaking.Stderr);
        Assert.Equal(100, breaking.ExitCode);
        Assert.StartsWith($"{current}/acme/shop/v1/orders.proto(5,1): error FIELD_NO_DELETE: ", breaking.Stdout, StringComparison.Ordinal);

        var clean = await RunToolAsync("proto", "breaking", baseline, "--against", workspace.Combine("base.binpb"));
        Assert.Equal(new CliResult(0, string.Empty, string.Empty), clean);
    }

    private static async Task<CliResult> RunToolAsync(params string[] args)
    {
        var tool = Path.Combine(AppContext.BaseDirectory, "Contrail.Cli.dll");
        Assert.True(File.Exists(tool), $"{tool} is missing");
        Assert.True(File.Exists(Path.ChangeExtension(tool, ".runtimeconfig.json")), "the tool's runtimeconfig.json is missing");

        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(tool);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new System.Threading.CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return new CliResult(process.ExitCode, await stdout, await stderr);
    }

    /// <summary>The dotnet host running the tests (the SDK sets DOTNET_HOST_PATH), else dotnet on the PATH.</summary>
    private static string DotnetHost()
    {
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(host) && File.Exists(host))
        {
            return host;
        }

        var current = Environment.ProcessPath;
        return current is not null && Path.GetFileNameWithoutExtension(current) == "dotnet" ? current : "dotnet";
    }
}
