using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;
using Acme.Shop.V1;
using Contrail.Testing.Grpc;
using Grpc.Core.Interceptors;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Xunit;

namespace Contrail.Generators.Tests.Behaviour;

/// <summary>The generated telemetry as the OpenTelemetry SDK sees it.</summary>
[Collection(TelemetryCollection.Name)]
public sealed class OpenTelemetrySdkTests
{
    [Fact]
    public async Task The_SDK_exports_the_span_and_the_histogram_with_the_advised_buckets()
    {
        var spans = new List<Activity>();
        var metrics = new List<(string Name, string Unit, double[] Bounds, long Count, Dictionary<string, object?> Tags)>();
        List<(string Name, string Unit, double[] Bounds, long Count, Dictionary<string, object?> Tags)> exported;
        using (var tracerProvider = Sdk.CreateTracerProviderBuilder()
            .AddSource("Contrail.Grpc.Server")
            .SetSampler(new AlwaysOnSampler())
            .AddProcessor(new CollectingProcessor(spans))
            .Build())
        using (var meterProvider = Sdk.CreateMeterProviderBuilder()
            .AddMeter("Contrail.Grpc.Server")
            .AddReader(new BaseExportingMetricReader(new CollectingExporter(metrics)))
            .Build())
        {
            var services = new ServiceCollection();
            services.AddGrpc().AddContrail();
            var invoker = GrpcServerInvoker.ForService<ShopService>(services.BuildServiceProvider());
            await invoker.UnaryAsync<GetOrderRequest, Order>(new ShopService().GetOrder, new GetOrderRequest { OrderId = "o-1" }, new TestServerCallContext("/acme.shop.v1.Orders/GetOrder"));

            meterProvider.ForceFlush();

            // Shutting the provider down exports once more: read what the flush exported.
            exported = metrics.ToList();
        }

        var span = Assert.Single(spans);
        Assert.Equal("acme.shop.v1.Orders/GetOrder", span.DisplayName);
        Assert.Equal("Contrail.Grpc.Server", span.Source.Name);
        Assert.Equal("o-1", span.GetTagItem("acme.order.id"));

        var duration = Assert.Single(exported, m => m.Name == "rpc.server.call.duration");
        Assert.Equal("s", duration.Unit);
        Assert.Equal(1, duration.Count);
        Assert.Equal(new[] { 0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10, double.PositiveInfinity }, duration.Bounds);
        Assert.Equal("OK", duration.Tags["rpc.response.status_code"]);
        Assert.Equal("acme.shop.v1.Orders/GetOrder", duration.Tags["rpc.method"]);
    }

    [Fact]
    public async Task Stability_opt_in_rpc_dup_also_emits_the_pre_1_39_names()
    {
        // The opt-in is read once per assembly, when its telemetry is first used: compile a fresh
        // assembly with the generator and load it while the variable is set.
        var source = Sources.OrderService;
        var (_, output, _) = TestCompilation.RunGenerator(TestCompilation.Create(source, assemblyName: "DupOptIn"));
        using var image = new MemoryStream();
        Assert.True(output.Emit(image).Success);
        var assembly = Assembly.Load(image.ToArray());

        using var capture = new TelemetryCapture();
        var previous = Environment.GetEnvironmentVariable("OTEL_SEMCONV_STABILITY_OPT_IN");
        Environment.SetEnvironmentVariable("OTEL_SEMCONV_STABILITY_OPT_IN", "http, rpc/dup");
        try
        {
            var interceptor = (Interceptor)Activator.CreateInstance(assembly.GetType("Acme.Shop.OrderServiceContrailInterceptor")!)!;
            var service = (Orders.OrdersBase)Activator.CreateInstance(assembly.GetType("Acme.Shop.OrderService")!)!;
            var invoker = new GrpcServerInvoker(new ServiceCollection().BuildServiceProvider(), new[] { interceptor });
            await invoker.UnaryAsync<GetOrderRequest, Order>(service.GetOrder, new GetOrderRequest { OrderId = "o-2" }, new TestServerCallContext("/acme.shop.v1.Orders/GetOrder"));
        }
        finally
        {
            Environment.SetEnvironmentVariable("OTEL_SEMCONV_STABILITY_OPT_IN", previous);
        }

        var span = capture.SingleSpan();
        Assert.Equal("grpc", span.GetTagItem("rpc.system.name"));
        Assert.Equal("grpc", span.GetTagItem("rpc.system"));
        Assert.Equal("acme.shop.v1.Orders", span.GetTagItem("rpc.service"));
        Assert.Equal(0, span.GetTagItem("rpc.grpc.status_code"));
        Assert.Equal("acme.shop.v1.Orders/GetOrder", span.GetTagItem("rpc.method"));

        Assert.Single(capture.Measurements, m => m.Name == "rpc.server.call.duration");
        var legacy = capture.SingleMeasurement("rpc.server.duration");
        Assert.Equal("ms", legacy.Unit);
        Assert.Equal(
            new Dictionary<string, object?>
            {
                ["rpc.system"] = "grpc",
                ["rpc.service"] = "acme.shop.v1.Orders",
                ["rpc.method"] = "GetOrder",
                ["rpc.grpc.status_code"] = 0,
            },
            legacy.Tags);
    }

    private sealed class CollectingProcessor(List<Activity> spans) : BaseProcessor<Activity>
    {
        public override void OnEnd(Activity data)
        {
            lock (spans)
            {
                spans.Add(data);
            }
        }
    }

    private sealed class CollectingExporter(List<(string, string, double[], long, Dictionary<string, object?>)> metrics) : BaseExporter<Metric>
    {
        public override ExportResult Export(in Batch<Metric> batch)
        {
            foreach (var metric in batch)
            {
                foreach (ref readonly var point in metric.GetMetricPoints())
                {
                    var bounds = new List<double>();
                    foreach (var bucket in point.GetHistogramBuckets())
                    {
                        bounds.Add(bucket.ExplicitBound);
                    }

                    var tags = new Dictionary<string, object?>();
                    foreach (var tag in point.Tags)
                    {
                        tags[tag.Key] = tag.Value;
                    }

                    metrics.Add((metric.Name, metric.Unit, bounds.ToArray(), point.GetHistogramCount(), tags));
                }
            }

            return ExportResult.Success;
        }
    }
}
