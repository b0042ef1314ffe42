using System;
using System.Threading.Tasks;
using Xunit;

namespace Contrail.Analyzers.Tests.ProtoContracts;

/// <summary>
/// Breaking changes against a baseline: one CTR21xx diagnostic per buf finding, at the .proto line, with
/// buf's rule ID in the message.
/// </summary>
public sealed class ProtoContractFindingTests : IDisposable
{
    private const string Orders = ProtoContractInfrastructureTests.Orders;

    private readonly ProtoProjectFixture _project = new();

    public void Dispose() => _project.Dispose();

    [Fact]
    public async Task An_unchanged_schema_gets_no_diagnostic()
    {
        _project.WriteProto("orders.proto", Orders);
        _project.AcceptBaseline();

        Assert.Empty(await _project.AnalyzeAsync());
    }

    [Fact]
    public async Task A_compatible_addition_gets_no_diagnostic()
    {
        _project.WriteProto("orders.proto", Orders);
        _project.AcceptBaseline();
        _project.WriteProto("orders.proto", Orders.Replace("int64 total_cents = 2;", "int64 total_cents = 2;\n  string note = 3;", StringComparison.Ordinal));

        Assert.Empty(await _project.AnalyzeAsync());
    }

    [Fact]
    public async Task A_changed_field_type_is_an_error_at_the_field_naming_the_rule()
    {
        _project.WriteProto("orders.proto", Orders);
        _project.AcceptBaseline();
        _project.WriteProto("orders.proto", Orders.Replace("string order_id = 1;", "int64 order_id = 1;", StringComparison.Ordinal));

        Assert.Equal(
            new[] { "orders.proto(6,3): error CTR2114: FIELD_SAME_TYPE: Field \"1\" with name \"order_id\" on message \"Order\" changed type from \"string\" to \"int64\"." },
            await _project.AnalyzeAsync());
    }

    [Fact]
    public async Task A_deleted_rpc_is_reported_at_its_service()
    {
        _project.WriteProto("orders.proto", Orders);
        _project.AcceptBaseline();
        _project.WriteProto("orders.proto", Orders.Replace("  rpc GetOrder(Order) returns (Order);\n", string.Empty, StringComparison.Ordinal));

        Assert.Equal(
            new[] { "orders.proto(10,1): error CTR2135: RPC_NO_DELETE: Previously present RPC \"GetOrder\" on service \"Orders\" was deleted." },
            await _project.AnalyzeAsync());
    }

    [Fact]
    public async Task Columns_follow_protocs_tab_stops()
    {
        _project.WriteProto("orders.proto", Orders.Replace("  string order_id", "\tstring order_id", StringComparison.Ordinal));
        _project.AcceptBaseline();
        _project.WriteProto("orders.proto", Orders.Replace("  string order_id = 1;", "\tint64 order_id = 1;", StringComparison.Ordinal));

        var only = Assert.Single(await _project.AnalyzeAsync());

        // protoc counts a tab as up to column 9; the text position is the character after the tab.
        Assert.StartsWith("orders.proto(6,2): error CTR2114: FIELD_SAME_TYPE: ", only);
    }

    [Fact]
    public async Task A_deleted_file_is_reported_at_the_baseline()
    {
        _project.WriteProto("orders.proto", Orders);
        _project.WriteProto("acme/catalog.proto", "syntax = \"proto3\";\npackage acme.catalog.v1;\nmessage Item { string id = 1; }\n");
        _project.AcceptBaseline();
        _project.RemoveProto("acme/catalog.proto");

        Assert.Equal(
            new[] { "protos.baseline.binpb(1,1): error CTR2103: FILE_NO_DELETE: Previously present file \"acme/catalog.proto\" was deleted." },
            await _project.AnalyzeAsync());
    }

    [Fact]
    public async Task A_baseline_written_for_other_files_says_so_and_reports_the_deletions()
    {
        _project.WriteProto("billing/invoices.proto", "syntax = \"proto3\";\npackage acme.billing.v1;\nmessage Invoice { string id = 1; }\n");
        _project.AcceptBaseline();
        _project.RemoveProto("billing/invoices.proto");
        _project.WriteProto("orders.proto", Orders);

        Assert.Equal(
            new[]
            {
                "protos.baseline.binpb(1,1): error CTR2103: FILE_NO_DELETE: Previously present file \"billing/invoices.proto\" was deleted.",
                "protos.baseline.binpb(1,1): warning CTR2006: The proto contract baseline describes none of this project's .proto files (it holds 'billing/invoices.proto'; the project has 'orders.proto'): it was written for other files or another ProtoRoot",
            },
            await _project.AnalyzeAsync());
    }

    [Fact]
    public async Task The_category_selects_buf_rules()
    {
        _project.WriteProto("orders.proto", Orders);
        _project.AcceptBaseline();
        _project.WriteProto("orders.proto", Orders.Replace("string order_id = 1;", "string id = 1;", StringComparison.Ordinal));

        Assert.Equal(
            new[]
            {
                "orders.proto(6,10): error CTR2139: FIELD_SAME_NAME: Field \"1\" on message \"Order\" changed name from \"order_id\" to \"id\".",
                "orders.proto(6,3): error CTR2138: FIELD_SAME_JSON_NAME: Field \"1\" with name \"id\" on message \"Order\" changed option \"json_name\" from \"orderId\" to \"id\".",
            },
            await _project.AnalyzeAsync());

        _project.Properties["build_property.ContrailProtoBreakingCategory"] = "WIRE";
        Assert.Empty(await _project.AnalyzeAsync());
    }
}
