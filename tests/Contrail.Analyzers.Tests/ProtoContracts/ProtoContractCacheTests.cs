using System;
using System.Threading.Tasks;
using Contrail.Analyzers.ProtoContracts;
using Xunit;

namespace Contrail.Analyzers.Tests.ProtoContracts;

/// <summary>Runs alone: it counts the analyzer's schema runs, a process-wide number.</summary>
[CollectionDefinition(nameof(SchemaRunCounter), DisableParallelization = true)]
public sealed class SchemaRunCounter
{
}

/// <summary>
/// The analyzer does no schema work (protoc, baseline parsing, rules) for a compilation whose .proto files,
/// baseline and settings are the same as an earlier compilation's: the IDE and the compiler server create
/// a compilation per edit of any C# file.
/// </summary>
[Collection(nameof(SchemaRunCounter))]
public sealed class ProtoContractCacheTests : IDisposable
{
    private const string Orders = ProtoContractInfrastructureTests.Orders;

    private readonly ProtoProjectFixture _project = new();

    public void Dispose() => _project.Dispose();

    [Fact]
    public async Task Unchanged_inputs_do_no_schema_work_and_each_changed_input_does_it_once()
    {
        _project.WriteProto("orders.proto", Orders);
        _project.AcceptBaseline();

        var before = ProtoContractCache.SchemaRuns;
        var first = await _project.AnalyzeAsync();
        Assert.Equal(before + 1, ProtoContractCache.SchemaRuns);

        // New compilations with the same inputs: served from the cache, same diagnostics.
        Assert.Equal(first, await _project.AnalyzeAsync());
        Assert.Equal(first, await _project.AnalyzeAsync());
        Assert.Equal(before + 1, ProtoContractCache.SchemaRuns);

        // A saved .proto edit.
        _project.WriteProto("orders.proto", Orders.Replace("string order_id = 1;", "int64 order_id = 1;", StringComparison.Ordinal));
        var edited = await _project.AnalyzeAsync();
        Assert.Contains(edited, line => line.Contains("FIELD_SAME_TYPE", StringComparison.Ordinal));
        await _project.AnalyzeAsync();
        Assert.Equal(before + 2, ProtoContractCache.SchemaRuns);

        // An accepted baseline.
        _project.AcceptBaseline();
        Assert.Empty(await _project.AnalyzeAsync());
        await _project.AnalyzeAsync();
        Assert.Equal(before + 3, ProtoContractCache.SchemaRuns);

        // A setting.
        _project.Properties["build_property.ContrailProtoBreakingCategory"] = "WIRE";
        await _project.AnalyzeAsync();
        await _project.AnalyzeAsync();
        Assert.Equal(before + 4, ProtoContractCache.SchemaRuns);
    }

    [Fact]
    public async Task A_project_without_protos_does_no_work_and_one_without_a_baseline_runs_the_check_once()
    {
        var before = ProtoContractCache.SchemaRuns;
        Assert.Empty(await _project.AnalyzeAsync());
        Assert.Equal(before, ProtoContractCache.SchemaRuns);

        // Without a baseline the check reads the files to key the cache, then stops before protoc.
        _project.WriteProto("orders.proto", Orders);
        Assert.Single(await _project.AnalyzeAsync());
        Assert.Single(await _project.AnalyzeAsync());
        Assert.Equal(before + 1, ProtoContractCache.SchemaRuns);
    }
}
