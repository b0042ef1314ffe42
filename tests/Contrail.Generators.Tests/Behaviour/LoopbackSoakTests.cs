using System;
using System.Threading.Tasks;
using Xunit;
using Xunit.Abstractions;

namespace Contrail.Generators.Tests.Behaviour;

/// <summary>The short form of the loopback soak (the full form is <c>benchmarks/Contrail.Soak</c>).</summary>
[Collection(TelemetryCollection.Name)]
public sealed class LoopbackSoakTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Kestrel_loopback_soak_short_form_ends_every_span_once_and_records_every_duration()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("CONTRAIL_SOAK_SEED"), out var chosen) ? chosen : 20261201;
        var options = new LoopbackSoakOptions(Calls: 2_000, Seed: seed, TimeLimit: TimeSpan.FromSeconds(60));

        var result = await LoopbackSoak.RunAsync(options).WaitAsync(TimeSpan.FromSeconds(90));

        output.WriteLine(result.FormatSummary());
        Assert.Empty(result.Violations);
        Assert.Equal(options.Calls, result.Calls);
        // A call whose deadline passed before the server saw it has no server span (the violations check
        // that only deadline calls are missing): every call the server received has exactly one.
        Assert.InRange(result.CallsReceived, result.Calls * 9 / 10, result.Calls);
        Assert.Equal(result.CallsReceived, result.SpansStarted);
        Assert.Equal(result.CallsReceived, result.SpansStopped);
        Assert.Equal(result.CallsReceived, result.HistogramCount);
        Assert.Equal(0, result.SpansOpen);
    }
}
