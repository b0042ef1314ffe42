using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Acme.Shop.V1;
using Grpc.AspNetCore.Server;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Contrail.Benchmarks;

/// <summary>What instruments the server in one pipeline benchmark.</summary>
public enum PipelineConfiguration
{
    /// <summary>The baseline service (no <c>[TracedService]</c>) with <c>AddGrpc()</c>; nothing listens.</summary>
    None,

    /// <summary>The traced service with <c>AddGrpc().AddContrail()</c>; no tracer or meter provider.</summary>
    ContrailNothingListening,

    /// <summary>The traced service with <c>AddContrail()</c>, and providers recording Contrail's span and histogram.</summary>
    ContrailRecording,

    /// <summary>The baseline service, and providers recording OpenTelemetry's ASP.NET Core instrumentation with its gRPC support on.</summary>
    AspNetCoreInstrumentation,

    /// <summary>The traced service with <c>AddContrail()</c>, and providers recording both Contrail and the ASP.NET Core instrumentation.</summary>
    Both,
}

/// <summary>
/// One server for the pipeline benchmarks: a <see cref="WebApplication"/> on <see cref="TestServer"/> (in memory,
/// no sockets) hosting one service as <paramref name="configuration"/> says, and a real <see cref="GrpcChannel"/>
/// on the TestServer handler with the Grpc.Tools client. Built once per benchmark process, in the global setup.
/// </summary>
internal sealed class PipelineHost : IAsyncDisposable
{
    /// <summary>Read by the ASP.NET Core instrumentation when it is created: names its span from the gRPC method
    /// and adds the rpc.* attributes, as the instrumentation's users who serve gRPC turn it on.</summary>
    public const string AspNetCoreGrpcFlag = "OTEL_DOTNET_EXPERIMENTAL_ASPNETCORE_ENABLE_GRPC_INSTRUMENTATION";

    private const string AspNetCoreSourceName = "Microsoft.AspNetCore";
    private const string AspNetCoreRequestDuration = "http.server.request.duration";

    private static readonly GetOrderRequest GetOrderRequest = new GetOrderRequest { OrderId = "bench-1" };
    private static readonly WatchOrdersRequest WatchOrdersRequest = new WatchOrdersRequest { CustomerId = "customer-1", Count = BenchOrders.MessagesPerStream };

    private readonly WebApplication _app;
    private readonly GrpcChannel _channel;
    private readonly Orders.OrdersClient _client;
    private readonly SpanCounter? _spans;
    private readonly List<MetricSnapshot>? _metrics;
    private readonly string? _previousFlag;

    private PipelineHost(PipelineConfiguration configuration, WebApplication app, SpanCounter? spans, List<MetricSnapshot>? metrics, string? previousFlag)
    {
        Configuration = configuration;
        _app = app;
        _spans = spans;
        _metrics = metrics;
        _previousFlag = previousFlag;
        var server = app.GetTestServer();
        _channel = GrpcChannel.ForAddress(server.BaseAddress, new GrpcChannelOptions { HttpHandler = server.CreateHandler() });
        _client = new Orders.OrdersClient(_channel);
    }

    public PipelineConfiguration Configuration { get; }

    private bool HostsTracedService => Configuration is PipelineConfiguration.ContrailNothingListening or PipelineConfiguration.ContrailRecording or PipelineConfiguration.Both;

    private bool RecordsContrail => Configuration is PipelineConfiguration.ContrailRecording or PipelineConfiguration.Both;

    private bool RecordsAspNetCore => Configuration is PipelineConfiguration.AspNetCoreInstrumentation or PipelineConfiguration.Both;

    /// <summary>Starts the server of <paramref name="configuration"/>, then checks it with one call of each kind.</summary>
    public static async Task<PipelineHost> StartAsync(PipelineConfiguration configuration)
    {
        var aspNetCore = configuration is PipelineConfiguration.AspNetCoreInstrumentation or PipelineConfiguration.Both;
        var contrail = configuration is PipelineConfiguration.ContrailRecording or PipelineConfiguration.Both;
        var traced = configuration is not (PipelineConfiguration.None or PipelineConfiguration.AspNetCoreInstrumentation);

        // The flag must be set before the instrumentation is created; it is restored when the host is disposed.
        var previousFlag = Environment.GetEnvironmentVariable(AspNetCoreGrpcFlag);
        if (aspNetCore)
        {
            Environment.SetEnvironmentVariable(AspNetCoreGrpcFlag, "true");
        }

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseTestServer();
        var grpc = builder.Services.AddGrpc();
        if (traced)
        {
            grpc.AddContrail();
        }

        SpanCounter? spans = null;
        List<MetricSnapshot>? metrics = null;
        if (aspNetCore || contrail)
        {
            // Every span is sampled and recorded (AlwaysOnSampler) and ends in a processor that only counts it:
            // the cost of creating, tagging and ending spans, not of exporting them. The metric reader is the
            // in-memory exporter's, read in the setup only (ForceFlush) to check the histograms.
            spans = new SpanCounter();
            metrics = new List<MetricSnapshot>();
            var counter = spans;
            var exported = metrics;
            builder.Services.AddOpenTelemetry()
                .WithTracing(tracing =>
                {
                    tracing.SetSampler(new AlwaysOnSampler());
                    if (aspNetCore)
                    {
                        tracing.AddAspNetCoreInstrumentation();
                    }

                    if (contrail)
                    {
                        tracing.AddSource(TelemetryNames.InstrumentationName);
                    }

                    tracing.AddProcessor(counter);
                })
                .WithMetrics(metering =>
                {
                    if (aspNetCore)
                    {
                        metering.AddAspNetCoreInstrumentation();
                    }

                    if (contrail)
                    {
                        metering.AddMeter(TelemetryNames.InstrumentationName);
                    }

                    metering.AddInMemoryExporter(exported);
                });
        }

        var app = builder.Build();
        if (traced)
        {
            app.MapGrpcService<BenchOrderService>();
        }
        else
        {
            app.MapGrpcService<BaselineOrderService>();
        }

        await app.StartAsync().ConfigureAwait(false);
        var host = new PipelineHost(configuration, app, spans, metrics, previousFlag);
        await host.CheckAsync().ConfigureAwait(false);
        return host;
    }

    /// <summary>One unary call, as a client makes it.</summary>
    public async Task<Order> GetOrderAsync() => await _client.GetOrderAsync(GetOrderRequest).ConfigureAwait(false);

    /// <summary>One server-streaming call, every message read.</summary>
    public async Task<int> WatchOrdersAsync()
    {
        using var call = _client.WatchOrders(WatchOrdersRequest);
        var count = 0;
        while (await call.ResponseStream.MoveNext(CancellationToken.None).ConfigureAwait(false))
        {
            count++;
        }

        return count;
    }

    /// <summary>After the measured calls: checks that a recording configuration still recorded.</summary>
    public void CheckRecordedSince(long contrailSpans, long aspNetCoreSpans)
    {
        if (_spans is null)
        {
            return;
        }

        // With both recording, Contrail enriches the ASP.NET Core span instead of starting its own.
        var expectContrailSpans = Configuration == PipelineConfiguration.ContrailRecording;
        if (expectContrailSpans ? _spans.Contrail <= contrailSpans : _spans.Contrail != contrailSpans)
        {
            throw new InvalidOperationException($"{Configuration}: Contrail spans went from {contrailSpans} to {_spans.Contrail}.");
        }

        if (RecordsAspNetCore ? _spans.AspNetCore <= aspNetCoreSpans : _spans.AspNetCore != aspNetCoreSpans)
        {
            throw new InvalidOperationException($"{Configuration}: ASP.NET Core spans went from {aspNetCoreSpans} to {_spans.AspNetCore}.");
        }
    }

    /// <summary>The spans counted so far, by source.</summary>
    public (long Contrail, long AspNetCore) SpanCounts => _spans is null ? (0, 0) : (_spans.Contrail, _spans.AspNetCore);

    public async ValueTask DisposeAsync()
    {
        _channel.Dispose();
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        Environment.SetEnvironmentVariable(AspNetCoreGrpcFlag, _previousFlag);
    }

    private async Task CheckAsync()
    {
        var interceptors = _app.Services.GetRequiredService<IOptions<GrpcServiceOptions<BenchOrderService>>>().Value.Interceptors.Count;
        if (HostsTracedService != (interceptors == 1))
        {
            throw new InvalidOperationException($"{Configuration}: the traced service has {interceptors} interceptors.");
        }

        if ((await GetOrderAsync().ConfigureAwait(false)).OrderId != BenchOrders.Order.OrderId)
        {
            throw new InvalidOperationException($"{Configuration}: GetOrder did not return the service's order.");
        }

        var messages = await WatchOrdersAsync().ConfigureAwait(false);
        if (messages != BenchOrders.MessagesPerStream)
        {
            throw new InvalidOperationException($"{Configuration}: WatchOrders returned {messages} messages, not {BenchOrders.MessagesPerStream}.");
        }

        var listening = Contrail.Generated.ContrailServerTelemetry.IsEnabled();
        if (listening != RecordsContrail)
        {
            throw new InvalidOperationException($"{Configuration}: Contrail's telemetry is {(listening ? "listened to" : "not listened to")}.");
        }

        if (_spans is null || _metrics is null)
        {
            return;
        }

        // The server ends its span and records its histograms just after the client has its response.
        var expectedContrail = Configuration == PipelineConfiguration.ContrailRecording ? 2 : 0;
        var expectedAspNetCore = RecordsAspNetCore ? 2 : 0;
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while ((_spans.Contrail < expectedContrail || _spans.AspNetCore < expectedAspNetCore) && DateTime.UtcNow < until)
        {
            await Task.Delay(10).ConfigureAwait(false);
        }

        await Task.Delay(100).ConfigureAwait(false);
        if (_spans.Contrail != expectedContrail || _spans.AspNetCore != expectedAspNetCore)
        {
            throw new InvalidOperationException(
                $"{Configuration}: expected {expectedContrail} Contrail and {expectedAspNetCore} ASP.NET Core spans, saw {_spans.Contrail} and {_spans.AspNetCore}.");
        }

        // Contrail's own attribute on the request span: the traced service enriched it.
        if (Configuration == PipelineConfiguration.Both && _spans.LastAspNetCoreStatusCode != "OK")
        {
            throw new InvalidOperationException($"Both: the ASP.NET Core span's rpc.response.status_code is {_spans.LastAspNetCoreStatusCode ?? "missing"}.");
        }

        _app.Services.GetRequiredService<MeterProvider>().ForceFlush();
        CheckHistogram(TelemetryNames.CallDuration, RecordsContrail);
        CheckHistogram(AspNetCoreRequestDuration, RecordsAspNetCore);
        _metrics.Clear();
    }

    private void CheckHistogram(string name, bool expected)
    {
        long count = 0;
        foreach (var snapshot in _metrics!.Where(m => m.Name == name))
        {
            foreach (var point in snapshot.MetricPoints)
            {
                count += point.GetHistogramCount();
            }
        }

        if (expected ? count < 2 : count != 0)
        {
            throw new InvalidOperationException($"{Configuration}: {name} holds {count} measurements.");
        }
    }

    /// <summary>The tracer provider's only processor: counts ended spans by source and exports nothing.</summary>
    private sealed class SpanCounter : BaseProcessor<Activity>
    {
        private long _contrail;
        private long _aspNetCore;

        public long Contrail => Interlocked.Read(ref _contrail);

        public long AspNetCore => Interlocked.Read(ref _aspNetCore);

        /// <summary>The <c>rpc.response.status_code</c> of the last ASP.NET Core span, to check that Contrail enriched it.</summary>
        public string? LastAspNetCoreStatusCode { get; private set; }

        public override void OnEnd(Activity data)
        {
            if (data.Source.Name == TelemetryNames.InstrumentationName)
            {
                Interlocked.Increment(ref _contrail);
            }
            else if (data.Source.Name == AspNetCoreSourceName)
            {
                LastAspNetCoreStatusCode = data.GetTagItem("rpc.response.status_code") as string;
                Interlocked.Increment(ref _aspNetCore);
            }
        }
    }
}
