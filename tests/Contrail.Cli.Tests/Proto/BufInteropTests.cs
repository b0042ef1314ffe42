using System;
using System.IO;
using Xunit;

namespace Contrail.Cli.Tests.Proto;

/// <summary>
/// Baselines travel both ways between Contrail and the real buf, and both tools report the same findings
/// (buf's JSON and text output, byte for byte) whichever wrote the baseline.
/// </summary>
public sealed class BufInteropTests : IDisposable
{
    private readonly ProtoWorkspace workspace = new();

    public void Dispose() => workspace.Dispose();

    [Fact]
    public void Buf_breaking_accepts_a_contrail_snapshot_and_finds_what_contrail_finds()
    {
        workspace.WriteBrokenPair();
        Assert.Equal(new CliResult(0, string.Empty, string.Empty), CliRunner.Run("proto", "snapshot", workspace.Combine("base"), "-o", workspace.Combine("baseline.binpb")));
        Assert.Equal(new CliResult(0, string.Empty, string.Empty), CliRunner.Run("proto", "snapshot", workspace.Combine("base"), "-o", workspace.Combine("baseline.json")));

        foreach (var baseline in new[] { "baseline.binpb", "baseline.json" })
        {
            foreach (var format in new[] { "json", "text", "github-actions" })
            {
                var buf = BufTool.Run(workspace.Root, "breaking", "current", "--against", baseline, "--error-format", format);
                var contrail = CliRunner.Run("proto", "breaking", workspace.Combine("current"), "--against", workspace.Combine(baseline), "--format", format);

                Assert.Equal(string.Empty, buf.Stderr);
                Assert.Equal(100, buf.ExitCode);
                Assert.Equal(100, contrail.ExitCode);
                Assert.Contains("total_units", buf.Stdout, StringComparison.Ordinal);
                Assert.Equal(buf.Stdout, Relative(contrail.Stdout));
            }
        }
    }

    [Fact]
    public void A_buf_image_is_a_contrail_baseline_with_the_same_findings()
    {
        workspace.WriteBrokenPair();
        workspace.Write("base/buf.yaml", "version: v2\n");
        Assert.Equal(0, BufTool.Run(workspace.Combine("base"), "build", "-o", workspace.Combine("buf.binpb")).ExitCode);
        Assert.Equal(0, BufTool.Run(workspace.Combine("base"), "build", "-o", workspace.Combine("buf.json")).ExitCode);

        foreach (var image in new[] { "buf.binpb", "buf.json" })
        {
            var buf = BufTool.Run(workspace.Root, "breaking", "current", "--against", image, "--error-format", "json");
            var contrail = CliRunner.Run("proto", "breaking", workspace.Combine("current"), "--against", workspace.Combine(image), "--format", "json");

            Assert.Equal(100, buf.ExitCode);
            Assert.Equal(100, contrail.ExitCode);
            Assert.Equal(buf.Stdout, Relative(contrail.Stdout));
        }
    }

    [Fact]
    public void A_buf_image_with_imports_snapshots_to_the_same_bytes_as_contrail_writes()
    {
        workspace.Write("base/acme/shop/v1/stamped.proto", "syntax = \"proto3\";\npackage acme.shop.v1;\nimport \"google/protobuf/timestamp.proto\";\nmessage Stamped {\n  google.protobuf.Timestamp at = 1;\n}\n");
        workspace.Write("base/buf.yaml", "version: v2\n");
        Assert.Equal(0, BufTool.Run(workspace.Combine("base"), "build", "-o", workspace.Combine("buf.binpb")).ExitCode);

        Assert.Equal(0, CliRunner.Run("proto", "snapshot", workspace.Combine("buf.binpb"), "-o", workspace.Combine("from-buf.binpb")).ExitCode);
        Assert.Equal(0, CliRunner.Run("proto", "snapshot", workspace.Combine("from-buf.binpb"), "-o", workspace.Combine("again.binpb")).ExitCode);

        // buf's image marks timestamp.proto as an import; the snapshot keeps the mark, and is stable.
        Assert.Equal(File.ReadAllBytes(workspace.Combine("from-buf.binpb")), File.ReadAllBytes(workspace.Combine("again.binpb")));
        var image = Contrail.Schema.Images.SchemaImageReader.ReadFile(workspace.Combine("from-buf.binpb"));
        Assert.True(image.IsImport("google/protobuf/timestamp.proto"));
        Assert.False(image.IsImport("acme/shop/v1/stamped.proto"));

        // buf reads the re-written image back: no change from its own build.
        var same = BufTool.Run(workspace.Combine("base"), "breaking", ".", "--against", workspace.Combine("from-buf.binpb"));
        Assert.Equal(new CliResult(0, string.Empty, string.Empty), same);
    }

    private string Relative(string output) => output.Replace(workspace.Root + "/", string.Empty, StringComparison.Ordinal);
}
