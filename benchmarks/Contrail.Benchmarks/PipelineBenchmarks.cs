using System.Threading.Tasks;
using Acme.Shop.V1;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;

namespace Contrail.Benchmarks;

/// <summary>
/// One gRPC call through the whole real stack, per configuration: the Grpc.Tools client on a <c>GrpcChannel</c>,
/// the in-memory <c>TestServer</c> transport, ASP.NET Core hosting and routing, grpc-dotnet's server pipeline
/// (serialization, interceptors) and the service. One server per configuration (<see cref="PipelineHost"/>),
/// built in the global setup of that configuration's benchmarks; BenchmarkDotNet runs each benchmark in its
/// own process, so one configuration's listeners never see another's calls. <c>None</c> is the baseline of
/// each category.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[CategoriesColumn]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
public class PipelineBenchmarks
{
    public const string UnaryCategory = "GetOrder";
    public const string ServerStreamingCategory = "WatchOrders x10";

    private PipelineHost _host = null!;
    private (long Contrail, long AspNetCore) _spansAtStart;

    [GlobalSetup(Targets = new[] { nameof(UnaryNone), nameof(ServerStreamingNone) })]
    public void SetupNone() => Start(PipelineConfiguration.None);

    [GlobalSetup(Targets = new[] { nameof(UnaryContrailNothingListening), nameof(ServerStreamingContrailNothingListening) })]
    public void SetupContrailNothingListening() => Start(PipelineConfiguration.ContrailNothingListening);

    [GlobalSetup(Targets = new[] { nameof(UnaryContrailRecording), nameof(ServerStreamingContrailRecording) })]
    public void SetupContrailRecording() => Start(PipelineConfiguration.ContrailRecording);

    [GlobalSetup(Targets = new[] { nameof(UnaryAspNetCoreInstrumentation), nameof(ServerStreamingAspNetCoreInstrumentation) })]
    public void SetupAspNetCoreInstrumentation() => Start(PipelineConfiguration.AspNetCoreInstrumentation);

    [GlobalSetup(Targets = new[] { nameof(UnaryBoth), nameof(ServerStreamingBoth) })]
    public void SetupBoth() => Start(PipelineConfiguration.Both);

    [GlobalCleanup]
    public void Cleanup()
    {
        try
        {
            _host.CheckRecordedSince(_spansAtStart.Contrail, _spansAtStart.AspNetCore);
        }
        finally
        {
            _host.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    [Benchmark(Baseline = true, Description = "None")]
    [BenchmarkCategory(UnaryCategory)]
    public Task<Order> UnaryNone() => _host.GetOrderAsync();

    [Benchmark(Description = "ContrailNothingListening")]
    [BenchmarkCategory(UnaryCategory)]
    public Task<Order> UnaryContrailNothingListening() => _host.GetOrderAsync();

    [Benchmark(Description = "ContrailRecording")]
    [BenchmarkCategory(UnaryCategory)]
    public Task<Order> UnaryContrailRecording() => _host.GetOrderAsync();

    [Benchmark(Description = "AspNetCoreInstrumentation")]
    [BenchmarkCategory(UnaryCategory)]
    public Task<Order> UnaryAspNetCoreInstrumentation() => _host.GetOrderAsync();

    [Benchmark(Description = "Both")]
    [BenchmarkCategory(UnaryCategory)]
    public Task<Order> UnaryBoth() => _host.GetOrderAsync();

    [Benchmark(Baseline = true, Description = "None")]
    [BenchmarkCategory(ServerStreamingCategory)]
    public Task<int> ServerStreamingNone() => _host.WatchOrdersAsync();

    [Benchmark(Description = "ContrailNothingListening")]
    [BenchmarkCategory(ServerStreamingCategory)]
    public Task<int> ServerStreamingContrailNothingListening() => _host.WatchOrdersAsync();

    [Benchmark(Description = "ContrailRecording")]
    [BenchmarkCategory(ServerStreamingCategory)]
    public Task<int> ServerStreamingContrailRecording() => _host.WatchOrdersAsync();

    [Benchmark(Description = "AspNetCoreInstrumentation")]
    [BenchmarkCategory(ServerStreamingCategory)]
    public Task<int> ServerStreamingAspNetCoreInstrumentation() => _host.WatchOrdersAsync();

    [Benchmark(Description = "Both")]
    [BenchmarkCategory(ServerStreamingCategory)]
    public Task<int> ServerStreamingBoth() => _host.WatchOrdersAsync();

    private void Start(PipelineConfiguration configuration)
    {
        _host = PipelineHost.StartAsync(configuration).GetAwaiter().GetResult();
        _spansAtStart = _host.SpanCounts;
    }
}
