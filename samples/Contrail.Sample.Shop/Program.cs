using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using Contrail.Sample.Shop;
using Contrail.Sample.Shop.Telemetry;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

// Contrail's generated code records spans and the rpc.server.call.duration histogram from the
// ActivitySource and Meter of this name.
const string ContrailInstrumentation = "Contrail.Grpc.Server";

// OTLP export only when a collector is configured; the exporter reads the OTEL_* variables itself.
var exportToOtlp = !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("OTEL_EXPORTER_OTLP_ENDPOINT"));
var serviceName = Environment.GetEnvironmentVariable("OTEL_SERVICE_NAME") ?? "contrail-sample-shop";

var spans = new ConsoleSpanProcessor();
var tracing = Sdk.CreateTracerProviderBuilder()
    .ConfigureResource(resource => resource.AddService(serviceName))
    .AddSource(ContrailInstrumentation, ShopClientTour.ActivitySourceName)
    .AddProcessor(spans);
if (exportToOtlp)
{
    tracing.AddOtlpExporter();
}

var histograms = new ConsoleMetricExporter();
var metrics = Sdk.CreateMeterProviderBuilder()
    .ConfigureResource(resource => resource.AddService(serviceName))
    .AddMeter(ContrailInstrumentation, ShopMetrics.MeterName)
    // Exports only when flushed: once, at the end.
    .AddReader(new BaseExportingMetricReader(histograms));
if (exportToOtlp)
{
    metrics.AddOtlpExporter();
}

using var tracerProvider = tracing.Build();
using var meterProvider = metrics.Build();

var builder = WebApplication.CreateBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.WebHost.ConfigureKestrel(kestrel =>
    // Loopback only, a free port, HTTP/2 without TLS: the client below speaks h2c.
    kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2));

builder.Services.AddSingleton<IOrderStore, InMemoryOrderStore>();

// The host provides IMeterFactory; the typed business metrics are one singleton built from it.
builder.Services.AddSingleton<ShopMetrics>();
builder.Services.AddGrpc().AddContrail();

var app = builder.Build();
app.MapGrpcService<ShopService>();

using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
await app.StartAsync(timeout.Token);
var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
Console.WriteLine($"Shop listening on {address}{(exportToOtlp ? ", exporting to OTLP" : string.Empty)}");
Console.WriteLine();

// HttpClient would start an activity of its own for each request and send that one, never
// recorded here, as the server span's parent: the client spans carry the trace context instead.
var channelOptions = new GrpcChannelOptions
{
    HttpHandler = new SocketsHttpHandler { ActivityHeadersPropagator = null },
    DisposeHttpClient = true,
};
using (var channel = GrpcChannel.ForAddress(address, channelOptions))
{
    var client = new Acme.Shop.V1.Shop.ShopClient(channel.Intercept(ShopClientTour.PropagateTraceContext));
    await new ShopClientTour(client, Console.Out).RunAsync(timeout.Token);
}

// Stopping the host waits for calls still in flight on the server (the cancelled ones), so every
// server span has ended before it is printed.
await app.StopAsync(timeout.Token);
await app.DisposeAsync();

Console.WriteLine();
spans.Print(Console.Out);
Console.WriteLine();
meterProvider.ForceFlush();
histograms.Print(Console.Out);
Console.WriteLine();
ErrorCatalogView.Print(Console.Out);
