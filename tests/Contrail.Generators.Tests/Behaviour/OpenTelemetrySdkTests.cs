using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;
using Acme.Shop.V1;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
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
        var metrics = new List<MetricSnapshot>();
        List<MetricSnapshot> exported;
        Activity? clientCall;
        ActivityTraceId callerTrace;
        ActivitySpanId callerSpan;
        using (var tracerProvider = Sdk.CreateTracerProviderBuilder()
            .AddSource("Contrail.Grpc.Server", CallerSource.Name)
            .SetSampler(new AlwaysOnSampler())
            .AddInMemoryExporter(spans)
            .Build())
        using (var meterProvider = Sdk.CreateMeterProviderBuilder()
            .AddMeter("Contrail.Grpc.Server")
            .AddInMemoryExporter(metrics)
            .Build())
        {
            await using var host = await GrpcTestHost.StartAsync<ShopService>();
            using (var caller = CallerSource.StartActivity("caller", ActivityKind.Client)!)
            {
                (callerTrace, callerSpan) = (caller.TraceId, caller.SpanId);
                await host.Client.GetOrderAsync(new GetOrderRequest { OrderId = "o-1" });
            }

            clientCall = Assert.Single(host.PropagatedSpans);
            await GrpcTestHost.WaitForAsync(spans.Where(s => s.Kind == ActivityKind.Server), 1);
            meterProvider.ForceFlush();

            // Shutting the provider down exports once more: read what the flush exported.
            exported = metrics.ToList();
        }

        var span = Assert.Single(spans, s => s.Kind == ActivityKind.Server);
        Assert.Equal("acme.shop.v1.Orders/GetOrder", span.DisplayName);
        Assert.Equal("Contrail.Grpc.Server", span.Source.Name);
        Assert.Equal(callerTrace, span.TraceId);
        Assert.Equal(clientCall!.SpanId, span.ParentSpanId);
        Assert.Equal(callerSpan, clientCall.ParentSpanId);
        Assert.Equal("o-1", span.GetTagItem("acme.order.id"));
        Assert.Equal("OK", span.GetTagItem("rpc.response.status_code"));

        var duration = Assert.Single(exported, m => m.Name == "rpc.server.call.duration");
        Assert.Equal("s", duration.Unit);
        var point = Assert.Single(duration.MetricPoints);
        Assert.Equal(1, point.GetHistogramCount());
        var bounds = new List<double>();
        foreach (var bucket in point.GetHistogramBuckets())
        {
            bounds.Add(bucket.ExplicitBound);
        }

        Assert.Equal(new[] { 0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10, double.PositiveInfinity }, bounds);
        var tags = new Dictionary<string, object?>();
        foreach (var tag in point.Tags)
        {
            tags[tag.Key] = tag.Value;
        }

        Assert.Equal("OK", tags["rpc.response.status_code"]);
        Assert.Equal("acme.shop.v1.Orders/GetOrder", tags["rpc.method"]);
        Assert.Equal("grpc", tags["rpc.system.name"]);
    }

    [Fact]
    public async Task Beside_the_AspNetCore_instrumentation_each_call_exports_one_server_span()
    {
        var spans = new List<Activity>();
        ActivityTraceId callerTrace;
        ActivitySpanId callerSpan;
        using var callerProvider = Sdk.CreateTracerProviderBuilder().AddSource(CallerSource.Name).Build();
        var host = await GrpcTestHost.StartAsync(
            services =>
            {
                services.AddGrpc().AddContrail();
                services.AddOpenTelemetry().WithTracing(tracing => tracing
                    .AddAspNetCoreInstrumentation()
                    .AddSource("Contrail.Grpc.Server")
                    .SetSampler(new AlwaysOnSampler())
                    .AddInMemoryExporter(spans));
            },
            endpoints => endpoints.MapGrpcService<ShopService>());
        await using (host)
        {
            using (var caller = CallerSource.StartActivity("caller", ActivityKind.Client)!)
            {
                (callerTrace, callerSpan) = (caller.TraceId, caller.SpanId);
                await host.Client.GetOrderAsync(new GetOrderRequest { OrderId = "o-1" });
                await Assert.ThrowsAsync<RpcException>(() => host.Client.GetOrderAsync(new GetOrderRequest { OrderId = "missing" }).ResponseAsync);
            }

            await GrpcTestHost.WaitForAsync(spans, 2);
        }

        // Observed with OpenTelemetry.Instrumentation.AspNetCore 1.21.0: ASP.NET Core's request span is
        // recorded, so Contrail enriches it instead of starting its own (none from Contrail's source). Contrail
        // renames it "acme.shop.v1.Orders/GetOrder", but the instrumentation renames it again when the request
        // stops, to "{method} {route}". Contrail's rpc.* attributes survive beside the instrumentation's http.*
        // ones and the grpc.method and grpc.status_code tags Grpc.AspNetCore puts on the request activity.
        Assert.Equal(2, spans.Count);
        var clientCalls = host.PropagatedSpans.ToArray();
        Assert.Equal(2, clientCalls.Length);
        for (var i = 0; i < spans.Count; i++)
        {
            var span = spans[i];
            Assert.Equal("Microsoft.AspNetCore", span.Source.Name);
            Assert.Equal(ActivityKind.Server, span.Kind);
            Assert.Equal("POST /acme.shop.v1.Orders/GetOrder", span.DisplayName);
            Assert.Equal("grpc", span.GetTagItem("rpc.system.name"));
            Assert.Equal("acme.shop.v1.Orders/GetOrder", span.GetTagItem("rpc.method"));
            Assert.Equal("/acme.shop.v1.Orders/GetOrder", span.GetTagItem("grpc.method"));
            Assert.Equal(callerTrace, span.TraceId);
            Assert.Equal(clientCalls[i].SpanId, span.ParentSpanId);
            Assert.Equal(callerSpan, clientCalls[i].ParentSpanId);
        }

        Assert.Equal("OK", spans[0].GetTagItem("rpc.response.status_code"));
        Assert.Equal("0", spans[0].GetTagItem("grpc.status_code"));
        Assert.Equal("o-1", spans[0].GetTagItem("acme.order.id"));
        Assert.Equal("NOT_FOUND", spans[1].GetTagItem("rpc.response.status_code"));
        Assert.Equal("5", spans[1].GetTagItem("grpc.status_code"));
        Assert.Equal("missing", spans[1].GetTagItem("acme.order.id"));
    }

    [Fact]
    public async Task With_gRPC_requests_filtered_out_of_the_AspNetCore_instrumentation_Contrail_records_the_one_server_span()
    {
        // The setting docs/traced-services.md recommends when the instrumentation's gRPC flag is off: the
        // instrumentation keeps HTTP requests, and gRPC calls get Contrail's own span, named by v1.44.0.
        var spans = new List<Activity>();
        using var callerProvider = Sdk.CreateTracerProviderBuilder().AddSource(CallerSource.Name).Build();
        var host = await GrpcTestHost.StartAsync(
            services =>
            {
                services.AddGrpc().AddContrail();
                services.AddOpenTelemetry().WithTracing(tracing => tracing
                    .AddAspNetCoreInstrumentation(options => options.Filter = http =>
                        http.Request.ContentType?.StartsWith("application/grpc", StringComparison.Ordinal) != true)
                    .AddSource("Contrail.Grpc.Server")
                    .SetSampler(new AlwaysOnSampler())
                    .AddInMemoryExporter(spans));
            },
            endpoints => endpoints.MapGrpcService<ShopService>());
        await using (host)
        {
            using (CallerSource.StartActivity("caller", ActivityKind.Client))
            {
                await Assert.ThrowsAsync<RpcException>(() => host.Client.GetOrderAsync(new GetOrderRequest { OrderId = "missing" }).ResponseAsync);
            }

            await GrpcTestHost.WaitForAsync(spans, 1);
        }

        var span = Assert.Single(spans);
        Assert.Equal("Contrail.Grpc.Server", span.Source.Name);
        Assert.Equal(ActivityKind.Server, span.Kind);
        Assert.Equal("acme.shop.v1.Orders/GetOrder", span.DisplayName);
        Assert.Equal("acme.shop.v1.Orders/GetOrder", span.GetTagItem("rpc.method"));
        Assert.Equal("NOT_FOUND", span.GetTagItem("rpc.response.status_code"));
        Assert.Equal(Assert.Single(host.PropagatedSpans).SpanId, span.ParentSpanId);
    }

    [Fact]
    public async Task Beside_the_AspNetCore_instrumentation_with_its_experimental_gRPC_flag()
    {
        var spans = new List<Activity>();
        const string Flag = "OTEL_DOTNET_EXPERIMENTAL_ASPNETCORE_ENABLE_GRPC_INSTRUMENTATION";
        var previous = Environment.GetEnvironmentVariable(Flag);
        Environment.SetEnvironmentVariable(Flag, "true");
        try
        {
            await using var host = await GrpcTestHost.StartAsync(
                services =>
                {
                    services.AddGrpc().AddContrail();
                    services.AddOpenTelemetry().WithTracing(tracing => tracing
                        .AddAspNetCoreInstrumentation()
                        .AddSource("Contrail.Grpc.Server")
                        .SetSampler(new AlwaysOnSampler())
                        .AddInMemoryExporter(spans));
                },
                endpoints => endpoints.MapGrpcService<ShopService>());
            await host.Client.GetOrderAsync(new GetOrderRequest { OrderId = "o-1" });
            await GrpcTestHost.WaitForAsync(spans, 1);
        }
        finally
        {
            Environment.SetEnvironmentVariable(Flag, previous);
        }

        // Observed with 1.21.0 and the flag on: still one span, ASP.NET Core's, enriched by Contrail. The
        // instrumentation's gRPC support names it from the gRPC method, which gives Contrail's name; it removes
        // Grpc.AspNetCore's grpc.method and grpc.status_code tags, and adds network.peer.port (0: TestServer
        // has no connection address). The rpc.* attributes hold Contrail's values.
        var span = Assert.Single(spans);
        Assert.Equal("Microsoft.AspNetCore", span.Source.Name);
        Assert.Equal(ActivityKind.Server, span.Kind);
        Assert.Equal("acme.shop.v1.Orders/GetOrder", span.DisplayName);
        Assert.Equal("grpc", span.GetTagItem("rpc.system.name"));
        Assert.Equal("acme.shop.v1.Orders/GetOrder", span.GetTagItem("rpc.method"));
        Assert.Equal("OK", span.GetTagItem("rpc.response.status_code"));
        Assert.Equal("o-1", span.GetTagItem("acme.order.id"));
        Assert.Null(span.GetTagItem("grpc.method"));
        Assert.Null(span.GetTagItem("grpc.status_code"));
        Assert.Null(span.GetTagItem("rpc.system"));
        Assert.Null(span.GetTagItem("rpc.service"));
        Assert.Equal(0, span.GetTagItem("network.peer.port"));
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
        var interceptorType = assembly.GetType("Acme.Shop.OrderServiceContrailInterceptor")!;
        var serviceType = assembly.GetType("Acme.Shop.OrderService")!;

        using var capture = new TelemetryCapture();
        var previous = Environment.GetEnvironmentVariable("OTEL_SEMCONV_STABILITY_OPT_IN");
        Environment.SetEnvironmentVariable("OTEL_SEMCONV_STABILITY_OPT_IN", "http, rpc/dup");
        try
        {
            await using var host = await GrpcTestHost.StartAsync(
                services => services.AddGrpc(options => options.Interceptors.Add(interceptorType)),
                endpoints => typeof(GrpcEndpointRouteBuilderExtensions).GetMethods()
                    .Single(m => m.Name == nameof(GrpcEndpointRouteBuilderExtensions.MapGrpcService) && m.IsGenericMethodDefinition && m.GetParameters().Length == 1)
                    .MakeGenericMethod(serviceType).Invoke(null, new object[] { endpoints }));
            await host.Client.GetOrderAsync(new GetOrderRequest { OrderId = "o-2" });
            await GrpcTestHost.WaitForAsync(capture.Spans, 1);
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

    private static readonly ActivitySource CallerSource = TelemetryCapture.TestSource;
}
