using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using Xunit;

namespace Contrail.Cli.Tests.Proto;

public sealed class ProtoBreakingTests : IDisposable
{
    private const string Deleted = "Previously present field \"2\" with name \"customer\" on message \"Order\" was deleted.";
    private const string Retyped = "Field \"3\" with name \"total_units\" on message \"Order\" changed type from \"int64\" to \"string\".";

    private readonly ProtoWorkspace workspace = new();

    public void Dispose() => workspace.Dispose();

    [Fact]
    public void Text_is_bufs_path_line_column_message_with_exit_code_100()
    {
        var (current, baseline) = workspace.WriteBrokenPair();
        var file = current + "/" + ProtoWorkspace.OrdersPath;

        var result = CliRunner.Run("proto", "breaking", current, "--against", baseline);

        Assert.Equal(string.Empty, result.Stderr);
        Assert.Equal($"{file}:5:1:{Deleted}\n{file}:7:3:{Retyped}\n", result.Stdout);
        Assert.Equal(100, result.ExitCode);
    }

    [Fact]
    public void Json_is_one_object_per_line_with_bufs_field_names()
    {
        var (current, baseline) = workspace.WriteBrokenPair();
        var file = current + "/" + ProtoWorkspace.OrdersPath;

        var result = CliRunner.Run("proto", "breaking", current, "--against", baseline, "--format", "json");

        Assert.Equal(100, result.ExitCode);
        Assert.Equal(
            "{\"path\":\"" + file + "\",\"start_line\":5,\"start_column\":1,\"end_line\":8,\"end_column\":2,\"type\":\"FIELD_NO_DELETE\",\"message\":\"Previously present field \\\"2\\\" with name \\\"customer\\\" on message \\\"Order\\\" was deleted.\"}\n"
            + "{\"path\":\"" + file + "\",\"start_line\":7,\"start_column\":3,\"end_line\":7,\"end_column\":9,\"type\":\"FIELD_SAME_TYPE\",\"message\":\"Field \\\"3\\\" with name \\\"total_units\\\" on message \\\"Order\\\" changed type from \\\"int64\\\" to \\\"string\\\".\"}\n",
            result.Stdout);
    }

    [Fact]
    public void GitHub_actions_and_msbuild_formats()
    {
        var (current, baseline) = workspace.WriteBrokenPair();
        var file = current + "/" + ProtoWorkspace.OrdersPath;

        var actions = CliRunner.Run("proto", "breaking", current, "--against", baseline, "--format", "github-actions");
        var msbuild = CliRunner.Run("proto", "breaking", current, "--against", baseline, "--format", "msbuild");

        Assert.Equal(
            $"::error file={file},line=5,col=1,endLine=8,endColumn=2::{Deleted}\n::error file={file},line=7,col=3,endLine=7,endColumn=9::{Retyped}\n",
            actions.Stdout);
        Assert.Equal(
            $"{file}(5,1): error FIELD_NO_DELETE: {Deleted}\n{file}(7,3): error FIELD_SAME_TYPE: {Retyped}\n",
            msbuild.Stdout);
        Assert.Equal(100, actions.ExitCode);
        Assert.Equal(100, msbuild.ExitCode);
    }

    [Fact]
    public void Sarif_is_a_2_1_0_log_with_rules_and_help_uris()
    {
        var (current, baseline) = workspace.WriteBrokenPair();

        var result = CliRunner.Run("proto", "breaking", current, "--against", baseline, "--format", "sarif");

        Assert.Equal(100, result.ExitCode);
        using var sarif = JsonDocument.Parse(result.Stdout);
        var root = sarif.RootElement;
        Assert.Equal("2.1.0", root.GetProperty("version").GetString());
        Assert.Equal("https://json.schemastore.org/sarif-2.1.0.json", root.GetProperty("$schema").GetString());
        var run = Assert.Single(root.GetProperty("runs").EnumerateArray());
        var driver = run.GetProperty("tool").GetProperty("driver");
        Assert.Equal("contrail", driver.GetProperty("name").GetString());
        var rules = driver.GetProperty("rules").EnumerateArray().ToList();
        Assert.Equal(new[] { "FIELD_NO_DELETE", "FIELD_SAME_TYPE" }, rules.Select(rule => rule.GetProperty("id").GetString()));
        Assert.Equal("https://buf.build/docs/breaking/rules/#field_no_delete", rules[0].GetProperty("helpUri").GetString());
        Assert.False(string.IsNullOrWhiteSpace(rules[0].GetProperty("shortDescription").GetProperty("text").GetString()));

        var results = run.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(2, results.Count);
        Assert.Equal("FIELD_SAME_TYPE", results[1].GetProperty("ruleId").GetString());
        Assert.Equal(1, results[1].GetProperty("ruleIndex").GetInt32());
        Assert.Equal("error", results[1].GetProperty("level").GetString());
        Assert.Equal(Retyped, results[1].GetProperty("message").GetProperty("text").GetString());
        var location = results[1].GetProperty("locations")[0].GetProperty("physicalLocation");
        Assert.EndsWith("current/acme/shop/v1/orders.proto", location.GetProperty("artifactLocation").GetProperty("uri").GetString(), StringComparison.Ordinal);
        var region = location.GetProperty("region");
        Assert.Equal((7, 3, 7, 9), (region.GetProperty("startLine").GetInt32(), region.GetProperty("startColumn").GetInt32(), region.GetProperty("endLine").GetInt32(), region.GetProperty("endColumn").GetInt32()));
    }

    [Fact]
    public void No_findings_exit_0_with_no_output_in_every_format_but_sarif()
    {
        workspace.Write("a/" + ProtoWorkspace.OrdersPath, ProtoWorkspace.Orders);
        workspace.Write("b/" + ProtoWorkspace.OrdersPath, ProtoWorkspace.Orders.Replace("int64 total_units = 3;", "int64 total_units = 3;\n  string note = 4;", StringComparison.Ordinal));

        foreach (var format in new[] { "text", "json", "github-actions", "msbuild" })
        {
            var result = CliRunner.Run("proto", "breaking", workspace.Combine("b"), "--against", workspace.Combine("a"), "--format", format);
            Assert.Equal(new CliResult(0, string.Empty, string.Empty), result);
        }

        var sarif = CliRunner.Run("proto", "breaking", workspace.Combine("b"), "--against", workspace.Combine("a"), "--format", "sarif");
        Assert.Equal(0, sarif.ExitCode);
        using var log = JsonDocument.Parse(sarif.Stdout);
        Assert.Empty(log.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray());
    }

    [Fact]
    public void Category_replaces_the_rules_in_use()
    {
        var (current, baseline) = workspace.WriteBrokenPair();
        workspace.Write("current/buf.yaml", "version: v2\nbreaking:\n  use: [FILE]\n");

        var result = CliRunner.Run("proto", "breaking", current, "--against", baseline, "--category", "wire", "--format", "json");

        Assert.Equal(100, result.ExitCode);
        Assert.Equal(new[] { "FIELD_NO_DELETE_UNLESS_NUMBER_RESERVED", "FIELD_WIRE_COMPATIBLE_TYPE" }, RuleIds(result));
    }

    [Fact]
    public void A_buf_yaml_beside_the_input_is_honoured()
    {
        var (current, baseline) = workspace.WriteBrokenPair();
        workspace.Write("current/buf.yaml", "version: v2\nbreaking:\n  except:\n    - FIELD_NO_DELETE\n");

        var result = CliRunner.Run("proto", "breaking", current, "--against", baseline, "--format", "json");

        Assert.Equal(new[] { "FIELD_SAME_TYPE" }, RuleIds(result));
        Assert.Equal(100, result.ExitCode);
    }

    [Fact]
    public void A_given_config_and_exclude_paths_are_honoured()
    {
        var (current, baseline) = workspace.WriteBrokenPair();
        var config = workspace.Write("config/buf.yaml", "version: v1\nbreaking:\n  ignore_only:\n    FIELD_SAME_TYPE: [acme/shop]\n");

        var configured = CliRunner.Run("proto", "breaking", current, "--against", baseline, "--config", config, "--format", "json");
        Assert.Equal(new[] { "FIELD_NO_DELETE" }, RuleIds(configured));

        var excludedInImage = CliRunner.Run("proto", "breaking", current, "--against", baseline, "--exclude-path", "acme/shop/v1/orders.proto");
        Assert.Equal(new CliResult(0, string.Empty, string.Empty), excludedInImage);

        var excludedOnDisk = CliRunner.Run("proto", "breaking", current, "--against", baseline, "--exclude-path", Path.Combine(current, "acme"));
        Assert.Equal(new CliResult(0, string.Empty, string.Empty), excludedOnDisk);
    }

    [Fact]
    public void A_baseline_for_other_files_reports_each_deletion_with_a_note()
    {
        workspace.Write("a/acme/shop/v1/orders.proto", ProtoWorkspace.Orders);
        workspace.Write("b/other/v1/orders.proto", ProtoWorkspace.Orders.Replace("acme.shop.v1", "other.v1", StringComparison.Ordinal));

        var result = CliRunner.Run("proto", "breaking", workspace.Combine("b"), "--against", workspace.Combine("a"), "--format", "json");

        Assert.Equal(100, result.ExitCode);
        Assert.Contains("FILE_NO_DELETE", RuleIds(result));
        Assert.Equal(
            $"contrail: note: the input '{workspace.Combine("b")}' and the baseline '{workspace.Combine("a")}' share no file path, so every baseline file is reported as deleted; check that both name their files relative to the same root\n",
            result.Stderr);
    }

    [Fact]
    public void Bad_inputs_fail_with_one_line()
    {
        var (current, baseline) = workspace.WriteBrokenPair();
        workspace.Write("malformed/a.proto", "syntax = \"proto3\";\nmessage A {\n  strin x = 1;\n}\n");
        Directory.CreateDirectory(workspace.Combine("empty"));
        var garbage = workspace.Write("garbage.binpb", "this is not a FileDescriptorSet");
        var snapshot = workspace.Combine("base.binpb");
        Assert.Equal(0, CliRunner.Run("proto", "snapshot", baseline, "-o", snapshot).ExitCode);
        var bytes = File.ReadAllBytes(snapshot);
        var truncated = workspace.WriteBytes("truncated.binpb", bytes.AsSpan(0, bytes.Length / 2).ToArray());
        var badRule = workspace.Write("bad-rule/buf.yaml", "version: v2\nbreaking:\n  use: [FIELD_SAME_TYPO]\n");

        CliRunner.AssertOneLineFailure(
            CliRunner.Run("proto", "breaking", workspace.Combine("malformed"), "--against", baseline),
            $"contrail: {workspace.Combine("malformed")}/a.proto:3:3: \"strin\" is not defined.\n");
        CliRunner.AssertOneLineFailure(
            CliRunner.Run("proto", "breaking", current, "--against", garbage),
            $"contrail: baseline: {garbage}: not a");
        CliRunner.AssertOneLineFailure(
            CliRunner.Run("proto", "breaking", current, "--against", truncated),
            $"contrail: baseline: {truncated}: not a valid FileDescriptorSet or buf image (");
        CliRunner.AssertOneLineFailure(
            CliRunner.Run("proto", "breaking", workspace.Combine("empty"), "--against", baseline),
            $"contrail: proto directory '{workspace.Combine("empty")}' holds no .proto file\n");
        CliRunner.AssertOneLineFailure(
            CliRunner.Run("proto", "breaking", current, "--against", workspace.Combine("missing.binpb")),
            $"contrail: baseline: input not found: '{workspace.Combine("missing.binpb")}'\n");
        CliRunner.AssertOneLineFailure(
            CliRunner.Run("proto", "breaking", current, "--against", baseline, "--protoc", workspace.Combine("no/protoc")),
            $"contrail: protoc not found: the given protoc path names '{workspace.Combine("no/protoc")}', which does not exist\n");
        CliRunner.AssertOneLineFailure(
            CliRunner.Run("proto", "breaking", current, "--against", baseline, "--config", badRule),
            $"contrail: {badRule}:3:9: unknown breaking rule or category 'FIELD_SAME_TYPO'\n");
        CliRunner.AssertOneLineFailure(
            CliRunner.Run("proto", "breaking", current, "--against", baseline, "--config", workspace.Combine("nope.yaml")),
            $"contrail: configuration file not found: '{workspace.Combine("nope.yaml")}'\n");
        CliRunner.AssertOneLineFailure(
            CliRunner.Run("proto", "breaking", current, "--against", baseline, "--include", workspace.Combine("no-include")),
            $"contrail: include directory not found: '{workspace.Combine("no-include")}'\n");
        CliRunner.AssertOneLineFailure(
            CliRunner.Run("proto", "breaking", current, "--against", "git:"),
            "contrail: 'git:' names no git ref (expected git:REF[:SUBDIR], e.g. git:main or git:HEAD~1:protos)\n");
    }

    [Fact]
    public void Usage_errors_fail_with_one_line()
    {
        var (current, baseline) = workspace.WriteBrokenPair();

        CliRunner.AssertOneLineFailure(
            CliRunner.Run("proto", "breaking", current),
            "contrail: missing value for option '--against'. Run 'contrail proto breaking --help' for usage.\n");
        CliRunner.AssertOneLineFailure(
            CliRunner.Run("proto", "breaking", current, "--against", baseline, "--format", "xml"),
            "contrail: unknown format 'xml' (expected text, json, sarif, github-actions, msbuild). Run 'contrail proto breaking --help' for usage.\n");
        CliRunner.AssertOneLineFailure(
            CliRunner.Run("proto", "breaking", current, "--against", baseline, "--category", "CSR2"),
            "contrail: unknown category 'CSR2' (expected FILE, PACKAGE, WIRE_JSON, WIRE). Run 'contrail proto breaking --help' for usage.\n");
        CliRunner.AssertOneLineFailure(
            CliRunner.Run("proto"),
            "contrail: 'contrail proto' needs a command (breaking, snapshot). Run 'contrail proto --help' for usage.\n");
    }

    [Fact]
    public void A_git_baseline_defaults_to_the_inputs_directory_at_that_revision()
    {
        workspace.Write("repo/api/" + ProtoWorkspace.OrdersPath, ProtoWorkspace.Orders);
        var repo = workspace.Combine("repo");
        Git(repo, "init", "-q", "-b", "main");
        Git(repo, "add", ".");
        Git(repo, "commit", "-q", "-m", "baseline");
        workspace.Write("repo/api/" + ProtoWorkspace.OrdersPath, ProtoWorkspace.OrdersBroken);
        var api = workspace.Combine("repo/api");

        var result = CliRunner.Run("proto", "breaking", api, "--against", "git:main", "--format", "json");
        var explicitSubdirectory = CliRunner.Run("proto", "breaking", api, "--against", "git:HEAD:api", "--format", "json");

        Assert.Equal(string.Empty, result.Stderr);
        Assert.Equal(new[] { "FIELD_NO_DELETE", "FIELD_SAME_TYPE" }, RuleIds(result));
        Assert.Equal(result, explicitSubdirectory);
    }

    internal static string[] RuleIds(CliResult result) =>
        result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonDocument.Parse(line).RootElement.GetProperty("type").GetString()!)
            .ToArray();

    internal static void Git(string directory, params string[] args)
    {
        var start = new System.Diagnostics.ProcessStartInfo("git") { WorkingDirectory = directory, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in new[] { "-c", "user.name=Contrail Tests", "-c", "user.email=tests@contrail.invalid", "-c", "commit.gpgsign=false" }.Concat(args))
        {
            start.ArgumentList.Add(arg);
        }

        using var process = System.Diagnostics.Process.Start(start)!;
        var error = process.StandardError.ReadToEnd();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"git {string.Join(' ', args)}: {error}");
    }
}
