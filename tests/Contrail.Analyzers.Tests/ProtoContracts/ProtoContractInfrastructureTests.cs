using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace Contrail.Analyzers.Tests.ProtoContracts;

/// <summary>
/// What the proto contract check says when it cannot compare: no baseline, a broken baseline, a .proto that
/// does not compile, no protoc, a bad setting. Each is one located diagnostic; none is an analyzer exception
/// (the fixture fails a test on AD0001).
/// </summary>
public sealed class ProtoContractInfrastructureTests : IDisposable
{
    internal const string Orders = """
        syntax = "proto3";

        package acme.shop.v1;

        message Order {
          string order_id = 1;
          int64 total_cents = 2;
        }

        service Orders {
          rpc GetOrder(Order) returns (Order);
        }
        """;

    private readonly ProtoProjectFixture _project = new();

    public void Dispose() => _project.Dispose();

    [Fact]
    public async Task Without_a_baseline_an_info_at_the_first_proto_says_how_to_create_one()
    {
        _project.WriteProto("orders.proto", Orders);
        _project.WriteProto("acme/catalog.proto", "syntax = \"proto3\";\npackage acme.catalog.v1;\nmessage Item { string id = 1; }\n");

        var diagnostics = await _project.AnalyzeAsync();

        Assert.Equal(
            new[]
            {
                $"catalog.proto(1,1): info CTR2001: No proto contract baseline at '{_project.BaselinePath}': breaking changes to the .proto files are not checked; create it with 'dotnet build -t:ContrailAcceptProtoBaseline' (or 'contrail proto snapshot') and commit it",
            },
            diagnostics);
    }

    [Fact]
    public async Task A_project_without_proto_files_gets_no_diagnostic()
    {
        Assert.Empty(await _project.AnalyzeAsync());
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("truncated")]
    [InlineData("empty")]
    [InlineData("text")]
    public async Task A_corrupt_baseline_is_an_error_at_the_baseline_file(string corruption)
    {
        _project.WriteProto("orders.proto", Orders);
        var valid = _project.AcceptBaseline();
        _project.WriteBaseline(corruption switch
        {
            "garbage" => new byte[] { 0xFF, 0xFE, 0x00, 0x13, 0x37, 0x42, 0x99, 0x01 },
            "truncated" => valid.Take(valid.Length / 2).ToArray(),
            "empty" => Array.Empty<byte>(),
            _ => System.Text.Encoding.UTF8.GetBytes("syntax = \"proto3\";\nmessage Order {}\n"),
        });

        var diagnostics = await _project.AnalyzeAsync();

        var only = Assert.Single(diagnostics);
        Assert.StartsWith("protos.baseline.binpb(1,1): error CTR2002: The proto contract baseline cannot be read: ", only);
        Assert.EndsWith("; restore it from source control or write it again with 'dotnet build -t:ContrailAcceptProtoBaseline'", only);
    }

    [Fact]
    public async Task A_corrupt_baseline_that_is_not_an_additional_file_is_still_reported_at_its_path()
    {
        // The IDE loaded the project before the baseline existed: the targets did not add it yet.
        _project.WriteProto("orders.proto", Orders);
        _project.WriteBaseline(new byte[] { 0xFF, 0xFF, 0xFF });
        _project.BaselineIsAdditionalFile = false;

        var only = Assert.Single(await _project.AnalyzeAsync());

        Assert.StartsWith("protos.baseline.binpb(1,1): error CTR2002: ", only);
    }

    [Fact]
    public async Task A_proto_that_does_not_compile_gets_protocs_message_at_its_line()
    {
        _project.WriteProto("orders.proto", Orders);
        _project.AcceptBaseline();
        _project.WriteProto("orders.proto", Orders.Replace("string order_id = 1;", "string order_id = 1", StringComparison.Ordinal));

        var diagnostics = await _project.AnalyzeAsync();

        Assert.Equal(new[] { "orders.proto(7,3): error CTR2003: protoc: Expected \";\"" }, diagnostics);
    }

    [Fact]
    public async Task An_unresolved_import_is_reported_in_the_importing_file()
    {
        _project.WriteProto("orders.proto", Orders);
        _project.AcceptBaseline();
        _project.WriteProto("orders.proto", Orders.Replace("package acme.shop.v1;", "package acme.shop.v1;\n\nimport \"acme/missing.proto\";", StringComparison.Ordinal));

        var diagnostics = await _project.AnalyzeAsync();

        Assert.Contains("orders.proto(5,1): error CTR2003: protoc: Import \"acme/missing.proto\" was not found or had errors", diagnostics);
        Assert.All(diagnostics, line => Assert.Contains("error CTR2003: protoc: ", line));
    }

    [Fact]
    public async Task A_missing_protoc_is_an_error_at_the_first_proto()
    {
        _project.WriteProto("orders.proto", Orders);
        _project.AcceptBaseline();
        var missing = Path.Combine(_project.Directory, "no-such-tools", "protoc");
        _project.Properties["build_property.ContrailProtocPath"] = missing;

        var only = Assert.Single(await _project.AnalyzeAsync());

        Assert.StartsWith("orders.proto(1,1): error CTR2004: The proto contract check cannot run protoc: ", only);
        Assert.Contains(missing, only);
    }

    [Fact]
    public async Task An_unknown_category_is_a_configuration_error()
    {
        _project.WriteProto("orders.proto", Orders);
        _project.AcceptBaseline();
        _project.Properties["build_property.ContrailProtoBreakingCategory"] = "STRICT";

        Assert.Equal(
            new[] { "orders.proto(1,1): error CTR2005: ContrailProtoBreakingCategory is 'STRICT'; use one of FILE, PACKAGE, WIRE_JSON, WIRE, CSR (buf's breaking categories)" },
            await _project.AnalyzeAsync());
    }

    [Fact]
    public async Task The_category_is_read_case_insensitively()
    {
        _project.WriteProto("orders.proto", Orders);
        _project.Properties["build_property.ContrailProtoBreakingCategory"] = "wire_json";

        var only = Assert.Single(await _project.AnalyzeAsync());

        Assert.Contains("info CTR2001", only);
    }
}
