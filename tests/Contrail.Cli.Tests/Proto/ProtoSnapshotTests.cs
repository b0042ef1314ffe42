using System;
using System.IO;
using Xunit;

namespace Contrail.Cli.Tests.Proto;

public sealed class ProtoSnapshotTests : IDisposable
{
    private readonly ProtoWorkspace workspace = new();

    public void Dispose() => workspace.Dispose();

    [Fact]
    public void The_same_schema_gives_the_same_bytes_wherever_it_lives()
    {
        workspace.Write("one/" + ProtoWorkspace.OrdersPath, ProtoWorkspace.Orders);
        workspace.Write("two/deeper/" + ProtoWorkspace.OrdersPath, ProtoWorkspace.Orders);

        Assert.Equal(new CliResult(0, string.Empty, string.Empty), CliRunner.Run("proto", "snapshot", workspace.Combine("one"), "-o", workspace.Combine("a.binpb")));
        Assert.Equal(new CliResult(0, string.Empty, string.Empty), CliRunner.Run("proto", "snapshot", workspace.Combine("two/deeper"), "--output", workspace.Combine("out/b.binpb")));
        Assert.Equal(new CliResult(0, string.Empty, string.Empty), CliRunner.Run("proto", "snapshot", workspace.Combine("a.binpb"), "-o", workspace.Combine("c.binpb")));

        var first = File.ReadAllBytes(workspace.Combine("a.binpb"));
        Assert.Equal(first, File.ReadAllBytes(workspace.Combine("out/b.binpb")));
        Assert.Equal(first, File.ReadAllBytes(workspace.Combine("c.binpb")));
        Assert.DoesNotContain(workspace.Root, System.Text.Encoding.UTF8.GetString(first), StringComparison.Ordinal);
    }

    [Fact]
    public void A_json_snapshot_is_a_baseline_too()
    {
        var (current, baseline) = workspace.WriteBrokenPair();

        Assert.Equal(0, CliRunner.Run("proto", "snapshot", baseline, "-o", workspace.Combine("base.json")).ExitCode);
        Assert.StartsWith("{\"file\":[", File.ReadAllText(workspace.Combine("base.json")), StringComparison.Ordinal);

        var result = CliRunner.Run("proto", "breaking", current, "--against", workspace.Combine("base.json"), "--format", "json");
        Assert.Equal(new[] { "FIELD_NO_DELETE", "FIELD_SAME_TYPE" }, ProtoBreakingTests.RuleIds(result));
    }

    [Fact]
    public void Bad_snapshot_requests_fail_with_one_line()
    {
        var (_, baseline) = workspace.WriteBrokenPair();

        CliRunner.AssertOneLineFailure(
            CliRunner.Run("proto", "snapshot", baseline, "-o", workspace.Combine("base.txt")),
            $"contrail: cannot tell the image format of '{workspace.Combine("base.txt")}' (use the extension .binpb, .pb, .bin or .json)\n");
        CliRunner.AssertOneLineFailure(
            CliRunner.Run("proto", "snapshot", baseline),
            "contrail: missing value for option '--output'. Run 'contrail proto snapshot --help' for usage.\n");
        CliRunner.AssertOneLineFailure(
            CliRunner.Run("proto", "snapshot", workspace.Combine("nothing-here"), "-o", workspace.Combine("x.binpb")),
            $"contrail: input not found: '{workspace.Combine("nothing-here")}'\n");
        Assert.False(File.Exists(workspace.Combine("x.binpb")));
    }
}
