using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Contrail.Analyzers.Diagnostics;
using Contrail.Cli;
using Xunit;

namespace Contrail.Analyzers.Tests.ProtoContracts;

/// <summary>
/// The analyzer and <c>contrail proto</c> report the same findings for the same .proto files and baseline,
/// and the baseline the accept step writes is byte for byte what <c>contrail proto snapshot</c> writes.
/// </summary>
public sealed class ProtoContractCliParityTests : IDisposable
{
    private const string Catalog = """
        syntax = "proto3";

        package acme.catalog.v1;

        enum Availability {
          AVAILABILITY_UNSPECIFIED = 0;
          AVAILABILITY_IN_STOCK = 1;
          AVAILABILITY_BACKORDER = 2;
        }

        message Item {
          string id = 1;
          string title = 2;
          int32 quantity = 3;
          Availability availability = 4;
          oneof price {
            int64 cents = 5;
            string formatted = 6;
          }
        }

        message Discontinued {
          string id = 1;
        }

        service Catalog {
          rpc GetItem(Item) returns (Item);
          rpc WatchItems(Item) returns (stream Item);
          rpc Discontinue(Discontinued) returns (Discontinued);
        }
        """;

    private const string Orders = ProtoContractInfrastructureTests.Orders;

    private readonly ProtoProjectFixture _project = new();

    public void Dispose() => _project.Dispose();

    public static TheoryData<string, string> Cases => new()
    {
        { "many-changes", "FILE" },
        { "many-changes", "PACKAGE" },
        { "many-changes", "WIRE_JSON" },
        { "many-changes", "WIRE" },
        { "deleted-file", "FILE" },
        { "moved-message", "FILE" },
        { "moved-message", "PACKAGE" },
        { "no-change", "FILE" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task The_analyzer_reports_what_contrail_proto_breaking_reports(string change, string category)
    {
        _project.WriteProto("acme/catalog.proto", Catalog);
        _project.WriteProto("orders.proto", Orders);
        _project.AcceptBaseline();
        switch (change)
        {
            case "many-changes":
                _project.WriteProto("acme/catalog.proto", Catalog
                    .Replace("  AVAILABILITY_BACKORDER = 2;\n", string.Empty, StringComparison.Ordinal)
                    .Replace("string title = 2;", "string name = 2;", StringComparison.Ordinal)
                    .Replace("int32 quantity = 3;", "int64 quantity = 3;", StringComparison.Ordinal)
                    .Replace("    string formatted = 6;\n  }", "  }\n  string formatted = 6;", StringComparison.Ordinal)
                    .Replace("message Discontinued {\n  string id = 1;\n}\n", string.Empty, StringComparison.Ordinal)
                    .Replace("  rpc Discontinue(Discontinued) returns (Discontinued);\n", string.Empty, StringComparison.Ordinal)
                    .Replace("rpc WatchItems(Item) returns (stream Item);", "rpc WatchItems(Item) returns (Item);", StringComparison.Ordinal));
                break;
            case "deleted-file":
                _project.RemoveProto("acme/catalog.proto");
                break;
            case "moved-message":
                _project.WriteProto("acme/catalog.proto", Catalog.Replace("message Discontinued {\n  string id = 1;\n}\n", string.Empty, StringComparison.Ordinal).Replace("rpc Discontinue(Discontinued) returns (Discontinued);", "rpc Discontinue(Item) returns (Item);", StringComparison.Ordinal));
                _project.WriteProto("acme/discontinued.proto", "syntax = \"proto3\";\n\npackage acme.catalog.v1;\n\nmessage Discontinued {\n  string id = 1;\n}\n");
                break;
        }

        _project.Properties["build_property.ContrailProtoBreakingCategory"] = category;

        var cli = RunCli("proto", "breaking", _project.Directory, "--against", _project.BaselinePath, "--category", category, "--format", "json", "--protoc", ProtoProjectFixture.Protoc.ProtocPath);
        var analyzer = (await _project.AnalyzeAsync()).Select(FromAnalyzer).OrderBy(line => line, StringComparer.Ordinal).ToArray();

        Assert.Equal(cli, analyzer);
        if (change != "no-change")
        {
            Assert.NotEmpty(cli);
        }
    }

    [Fact]
    public void The_accepted_baseline_is_byte_for_byte_what_contrail_proto_snapshot_writes()
    {
        _project.WriteProto("acme/catalog.proto", Catalog);
        _project.WriteProto("orders.proto", Orders.Replace("package acme.shop.v1;", "package acme.shop.v1;\n\nimport \"google/protobuf/timestamp.proto\";", StringComparison.Ordinal).Replace("int64 total_cents = 2;", "int64 total_cents = 2;\n  google.protobuf.Timestamp placed_at = 3;", StringComparison.Ordinal));
        var accepted = _project.AcceptBaseline();
        var snapshot = Path.Combine(_project.Directory, "snapshot.binpb");

        RunCli("proto", "snapshot", _project.Directory, "-o", snapshot, "--protoc", ProtoProjectFixture.Protoc.ProtocPath);

        Assert.Equal(File.ReadAllBytes(snapshot), accepted);
    }

    private static string[] RunCli(params string[] arguments)
    {
        using var stdout = new StringWriter(CultureInfo.InvariantCulture);
        using var stderr = new StringWriter(CultureInfo.InvariantCulture);
        var exit = ContrailCli.Run(arguments, stdout, stderr);
        Assert.True(exit is 0 or 100, $"contrail {string.Join(' ', arguments)} exited {exit}: {stderr}");
        return stdout.ToString()
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => FromCliJson(line, arguments[2]))
            .OrderBy(line => line, StringComparer.Ordinal)
            .ToArray();
    }

    /// <summary>A CLI finding as "path:line:col RULE message"; a file not in the project any more is "(baseline)".</summary>
    private static string FromCliJson(string json, string inputDirectory)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var path = root.GetProperty("path").GetString()!;

        // The CLI prints paths as the user can open them (under the input directory given).
        path = Path.IsPathRooted(path) ? Path.GetRelativePath(inputDirectory, path).Replace(Path.DirectorySeparatorChar, '/') : path;
        var type = root.GetProperty("type").GetString()!;
        var message = root.GetProperty("message").GetString()!;
        var place = type == "FILE_NO_DELETE"
            ? "(baseline)"
            : string.Format(CultureInfo.InvariantCulture, "{0}:{1}:{2}", path, root.GetProperty("start_line").GetInt32(), root.GetProperty("start_column").GetInt32());
        return $"{place} {type} {message}";
    }

    private string FromAnalyzer(string formatted)
    {
        // "catalog.proto(12,3): error CTR2114: FIELD_SAME_TYPE: message" → "acme/catalog.proto:12:3 FIELD_SAME_TYPE message"
        var open = formatted.IndexOf('(', StringComparison.Ordinal);
        var close = formatted.IndexOf("): ", StringComparison.Ordinal);
        var file = formatted.Substring(0, open);
        var position = formatted.Substring(open + 1, close - open - 1).Replace(',', ':');
        var afterId = formatted.IndexOf(": ", formatted.IndexOf(" CTR", StringComparison.Ordinal), StringComparison.Ordinal) + 2;
        var text = formatted.Substring(afterId);
        var rule = text.Substring(0, text.IndexOf(": ", StringComparison.Ordinal));
        Assert.Contains(DiagnosticDescriptors.ProtoBreakingRules, known => known.BufRuleId == rule);
        var message = text.Substring(rule.Length + 2);
        var place = file == Path.GetFileName(_project.BaselinePath)
            ? "(baseline)"
            : ProjectPath(file) + ":" + position;
        return $"{place} {rule} {message}";
    }

    private string ProjectPath(string fileName) =>
        Directory.EnumerateFiles(_project.Directory, fileName, SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(_project.Directory, path).Replace(Path.DirectorySeparatorChar, '/'))
            .Single();
}
