using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Acme.Shop.V1;
using Contrail.Testing.Grpc;
using Grpc.AspNetCore.Server;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit;

namespace Contrail.Generators.Tests.Behaviour;

/// <summary>Tests that create listeners share process-wide state, so they never run in parallel.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TelemetryCollection
{
    public const string Name = "Telemetry";
}

[Collection(TelemetryCollection.Name)]
public sealed class TracedServiceBehaviourTests
{
    private const string GetOrder = "/acme.shop.v1.Orders/GetOrder";
    private const string WatchOrders = "/acme.shop.v1.Orders/WatchOrders";
    private const string UploadOrders = "/acme.shop.v1.Orders/UploadOrders";
    private const string Chat = "/acme.shop.v1.Orders/Chat";

    private static readonly double[] s_advisedBuckets = { 0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10 };

    [Fact]
    public void AddContrail_registers_one_singleton_interceptor_per_service_and_is_idempotent()
    {
        var services = new ServiceCollection();
        services.AddGrpc().AddContrail().AddContrail();

        Assert.Single(services, d => d.ServiceType == typeof(ShopServiceContrailInterceptor) && d.Lifetime == ServiceLifetime.Singleton);
        using var provider = services.BuildServiceProvider();
        var shopOptions = provider.GetRequiredService<IOptions<GrpcServiceOptions<ShopService>>>().Value;
        Assert.Equal(typeof(ShopServiceContrailInterceptor), Assert.Single(shopOptions.Interceptors).Type);
        var strictOptions = provider.GetRequiredService<IOptions<GrpcServiceOptions<StrictShopService>>>().Value;
        Assert.Equal(typeof(StrictShopServiceContrailInterceptor), Assert.Single(strictOptions.Interceptors).Type);
    }

    [Fact]
    public async Task Unary_success_records_one_server_span_under_the_callers_span_and_one_duration()
    {
        using var capture = new TelemetryCapture();
        using var caller = TelemetryCapture.TestSource.StartActivity("caller", ActivityKind.Client)!;
        var request = new GetOrderRequest
        {
            OrderId = "o-17",
            PageSize = 25,
            Customer = new Customer { Id = "c-1", Tier = Tier.Gold, Address = new Address { Country = "NL" } },
        };

        var result = await Invoke<ShopService>().UnaryAsync<GetOrderRequest, Order>(new ShopService().GetOrder, request, Context(GetOrder));

        Assert.Equal(StatusCode.OK, result.StatusCode);
        var span = capture.SingleSpan();
        Assert.Equal("acme.shop.v1.Orders/GetOrder", span.DisplayName);
        Assert.Equal(ActivityKind.Server, span.Kind);
        Assert.Equal(caller.TraceId, span.TraceId);
        Assert.Equal(caller.SpanId, span.ParentSpanId);
        Assert.Equal(ActivityStatusCode.Unset, span.Status);
        Assert.Equal(
            new Dictionary<string, object?>
            {
                ["rpc.system.name"] = "grpc",
                ["rpc.method"] = "acme.shop.v1.Orders/GetOrder",
                ["server.address"] = "shop.internal",
                ["server.port"] = 8443,
                ["network.peer.address"] = "10.1.2.3",
                ["network.peer.port"] = 50123,
                ["acme.order.id"] = "o-17",
                ["acme.customer.tier"] = "TIER_GOLD",
                ["acme.customer.country"] = "NL",
                ["acme.order.page_size"] = 25,
                ["rpc.response.status_code"] = "OK",
            },
            span.TagObjects.ToDictionary(t => t.Key, t => t.Value));

        var duration = capture.SingleMeasurement();
        Assert.Equal("s", duration.Unit);
        Assert.InRange(duration.Value, 0, span.Duration.TotalSeconds + 1);
        Assert.Equal(
            new Dictionary<string, object?>
            {
                ["rpc.system.name"] = "grpc",
                ["rpc.method"] = "acme.shop.v1.Orders/GetOrder",
                ["rpc.response.status_code"] = "OK",
            },
            duration.Tags);
    }

    [Theory]
    [InlineData("shop.internal:8443", "ipv4:10.1.2.3:50123", "shop.internal", 8443, "10.1.2.3", 50123)]
    [InlineData("[::1]:5001", "ipv6:[::1]:50000", "::1", 5001, "::1", 50000)]
    [InlineData("shop.internal", "ipv6:[fe80::1]:443", "shop.internal", null, "fe80::1", 443)]
    [InlineData("::1", "unix:/tmp/grpc.sock", "::1", null, "/tmp/grpc.sock", null)]
    [InlineData("shop.internal:99999", "ipv4:10.1.2.3:port", null, null, null, null)]
    public async Task Server_and_peer_addresses_are_parsed_from_the_call(string host, string peer, string? address, int? port, string? peerAddress, int? peerPort)
    {
        using var capture = new TelemetryCapture();
        var context = Context(GetOrder);
        context.Host = host;
        context.Peer = peer;

        await Invoke<ShopService>().UnaryAsync<GetOrderRequest, Order>(new ShopService().GetOrder, new GetOrderRequest { OrderId = "o" }, context);

        var span = capture.SingleSpan();
        Assert.Equal(address, span.GetTagItem("server.address"));
        Assert.Equal(port, span.GetTagItem("server.port"));
        Assert.Equal(peerAddress, span.GetTagItem("network.peer.address"));
        Assert.Equal(peerPort, span.GetTagItem("network.peer.port"));
    }

    [Fact]
    public async Task An_absent_nested_message_records_nothing_for_its_members()
    {
        using var capture = new TelemetryCapture();

        await Invoke<ShopService>().UnaryAsync<GetOrderRequest, Order>(new ShopService().GetOrder, new GetOrderRequest { OrderId = "o-1" }, Context(GetOrder));

        var tags = capture.SingleSpan().TagObjects.Select(t => t.Key).ToList();
        Assert.Contains("acme.order.id", tags);
        Assert.DoesNotContain("acme.customer.tier", tags);
        Assert.DoesNotContain("acme.customer.country", tags);
    }

    [Fact]
    public async Task An_RpcException_passes_through_with_its_status_and_NOT_FOUND_is_not_an_error_by_default()
    {
        using var capture = new TelemetryCapture();

        var result = await Invoke<ShopService>().UnaryAsync<GetOrderRequest, Order>(new ShopService().GetOrder, new GetOrderRequest { OrderId = "missing" }, Context(GetOrder));

        Assert.Equal(StatusCode.NotFound, result.StatusCode);
        Assert.Equal("Order missing was not found.", result.Status.Detail);
        var span = capture.SingleSpan();
        Assert.Equal("NOT_FOUND", span.GetTagItem("rpc.response.status_code"));
        Assert.Null(span.GetTagItem("error.type"));
        Assert.Equal(ActivityStatusCode.Unset, span.Status);
        Assert.Empty(span.Events);
        Assert.False(capture.SingleMeasurement().Tags.ContainsKey("error.type"));
    }

    [Fact]
    public async Task An_unhandled_exception_reaches_the_client_as_UNKNOWN_without_its_message_and_is_recorded_on_the_span()
    {
        using var capture = new TelemetryCapture();

        var result = await Invoke<ShopService>().UnaryAsync<GetOrderRequest, Order>(new ShopService().GetOrder, new GetOrderRequest { OrderId = "boom" }, Context(GetOrder));

        Assert.Equal(StatusCode.Unknown, result.StatusCode);
        Assert.Equal("Exception was thrown by handler.", result.Status.Detail);
        Assert.DoesNotContain("hunter2", result.Status.Detail + string.Join(",", result.Trailers.Select(t => t.Key + t.Value)));
        var span = capture.SingleSpan();
        Assert.Equal("UNKNOWN", span.GetTagItem("rpc.response.status_code"));
        Assert.Equal("System.InvalidOperationException", span.GetTagItem("error.type"));
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        var exceptionEvent = Assert.Single(span.Events);
        Assert.Equal("exception", exceptionEvent.Name);
        Assert.Equal("System.InvalidOperationException", exceptionEvent.Tags.Single(t => t.Key == "exception.type").Value);
        Assert.Equal("System.InvalidOperationException", capture.SingleMeasurement().Tags["error.type"]);
    }

    [Fact]
    public async Task A_unary_handler_returning_no_message_is_recorded_as_the_CANCELLED_the_client_gets()
    {
        using var capture = new TelemetryCapture();
        var interceptor = new ShopServiceContrailInterceptor();

        var response = await interceptor.UnaryServerHandler<GetOrderRequest, Order>(new GetOrderRequest(), Context(GetOrder), static (_, _) => Task.FromResult<Order>(null!));

        Assert.Null(response);
        Assert.Equal("CANCELLED", capture.SingleSpan().GetTagItem("rpc.response.status_code"));
    }

    [Fact]
    public async Task A_status_set_on_the_context_is_the_calls_status()
    {
        using var capture = new TelemetryCapture();

        var result = await Invoke<ShopService>().UnaryAsync<GetOrderRequest, Order>(new ShopService().GetOrder, new GetOrderRequest { OrderId = "status" }, Context(GetOrder));

        Assert.Equal(StatusCode.FailedPrecondition, result.ServerStatus.StatusCode);
        Assert.Equal("FAILED_PRECONDITION", capture.SingleSpan().GetTagItem("rpc.response.status_code"));
    }

    [Fact]
    public async Task Caller_cancellation_is_CANCELLED_and_not_an_error()
    {
        using var capture = new TelemetryCapture();
        var context = Context(GetOrder);

        var call = Invoke<ShopService>().UnaryAsync<GetOrderRequest, Order>(new ShopService().GetOrder, new GetOrderRequest { OrderId = "slow" }, context);
        context.Cancel();
        var result = await call;

        Assert.Equal(StatusCode.Cancelled, result.StatusCode);
        var span = capture.SingleSpan();
        Assert.Equal("CANCELLED", span.GetTagItem("rpc.response.status_code"));
        Assert.Null(span.GetTagItem("error.type"));
        Assert.Equal(ActivityStatusCode.Unset, span.Status);
        Assert.Equal("CANCELLED", capture.SingleMeasurement().Tags["rpc.response.status_code"]);
    }

    [Fact]
    public async Task A_passed_deadline_is_DEADLINE_EXCEEDED_and_an_error()
    {
        using var capture = new TelemetryCapture();
        var context = Context(GetOrder);
        context.Deadline = DateTime.UtcNow.AddMilliseconds(20);

        var call = Invoke<ShopService>().UnaryAsync<GetOrderRequest, Order>(new ShopService().GetOrder, new GetOrderRequest { OrderId = "slow" }, context);
        await Task.Delay(60);
        context.Cancel();
        await call;

        var span = capture.SingleSpan();
        Assert.Equal("DEADLINE_EXCEEDED", span.GetTagItem("rpc.response.status_code"));
        Assert.Equal("DEADLINE_EXCEEDED", span.GetTagItem("error.type"));
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        Assert.Equal("DEADLINE_EXCEEDED", capture.SingleMeasurement().Tags["error.type"]);
    }

    [Fact]
    public async Task A_deadline_the_server_already_reported_is_DEADLINE_EXCEEDED_even_if_its_clock_says_otherwise()
    {
        // The server's deadline is its receive time plus the caller's timeout, so it can fall just
        // after the moment its own deadline handling cancels the call.
        using var capture = new TelemetryCapture();
        var context = Context(GetOrder);
        context.Deadline = DateTime.UtcNow.AddMinutes(1);

        var call = Invoke<ShopService>().UnaryAsync<GetOrderRequest, Order>(new ShopService().GetOrder, new GetOrderRequest { OrderId = "slow" }, context);
        context.Status = new Status(StatusCode.DeadlineExceeded, "Deadline Exceeded");
        context.Cancel();
        await call;

        Assert.Equal("DEADLINE_EXCEEDED", capture.SingleSpan().GetTagItem("rpc.response.status_code"));
    }

    [Fact]
    public async Task Span_status_overrides_apply_per_service_and_per_method()
    {
        using var capture = new TelemetryCapture();

        await Invoke<StrictShopService>().UnaryAsync<GetOrderRequest, Order>(new StrictShopService().GetOrder, new GetOrderRequest(), Context(GetOrder));
        var notFound = capture.SingleSpan();
        Assert.Equal(ActivityStatusCode.Error, notFound.Status);
        Assert.Equal("NOT_FOUND", notFound.GetTagItem("error.type"));

        var context = Context(GetOrder);
        context.Deadline = DateTime.UtcNow.AddMilliseconds(10);
        var call = Invoke<StrictShopService>().UnaryAsync<GetOrderRequest, Order>(new StrictShopService().GetOrder, new GetOrderRequest { OrderId = "slow" }, context);
        await Task.Delay(40);
        context.Cancel();
        await call;
        var deadline = Assert.Single(capture.Spans, s => s != notFound);
        Assert.Equal("DEADLINE_EXCEEDED", deadline.GetTagItem("rpc.response.status_code"));
        Assert.Equal(ActivityStatusCode.Unset, deadline.Status);
        Assert.Null(deadline.GetTagItem("error.type"));
    }

    [Fact]
    public async Task Server_streaming_success_and_an_aborted_stream_each_end_the_span_once()
    {
        using var capture = new TelemetryCapture();
        var writer = new TestServerStreamWriter<Order>();

        var ok = await Invoke<ShopService>().ServerStreamingAsync<WatchOrdersRequest, Order>(
            new ShopService().WatchOrders, new WatchOrdersRequest { CustomerId = "c", Count = 3 }, writer, Context(WatchOrders));

        Assert.Equal(StatusCode.OK, ok.StatusCode);
        Assert.Equal(3, writer.Messages.Count);
        Assert.Equal("OK", capture.SingleSpan().GetTagItem("rpc.response.status_code"));

        var aborted = Context(WatchOrders);
        var failingWriter = new TestServerStreamWriter<Order>(aborted) { FailAfter = 1, WriteException = new IOException("The client reset the request stream.") };
        aborted.Cancel();
        await Invoke<ShopService>().ServerStreamingAsync<WatchOrdersRequest, Order>(
            new ShopService().WatchOrders, new WatchOrdersRequest { CustomerId = "c", Count = 3 }, failingWriter, aborted);

        Assert.Equal(2, capture.Spans.Count);
        Assert.Single(capture.Spans, s => (string?)s.GetTagItem("rpc.response.status_code") == "CANCELLED");
        Assert.Equal(2, capture.Measurements.Count);
        Assert.All(capture.Spans, s => Assert.True(s.Duration > TimeSpan.Zero));
    }

    [Fact]
    public async Task Client_streaming_success_and_a_request_stream_that_fails_after_cancellation()
    {
        using var capture = new TelemetryCapture();

        var ok = await Invoke<ShopService>().ClientStreamingAsync<Order, UploadSummary>(
            new ShopService().UploadOrders, new TestAsyncStreamReader<Order>(new[] { new Order(), new Order() }), Context(UploadOrders));
        Assert.Equal(2, ok.Response!.Count);
        Assert.Equal("OK", capture.SingleSpan().GetTagItem("rpc.response.status_code"));

        var aborted = Context(UploadOrders);
        var reader = TestAsyncStreamReader<Order>.CancelledAfter(new[] { new Order() }, 1, aborted.CancellationToken);
        var call = Invoke<ShopService>().ClientStreamingAsync<Order, UploadSummary>(new ShopService().UploadOrders, reader, aborted);
        aborted.Cancel();
        var result = await call;

        Assert.Equal(StatusCode.Cancelled, result.StatusCode);
        Assert.Single(capture.Spans, s => (string?)s.GetTagItem("rpc.response.status_code") == "CANCELLED");
        Assert.Equal(2, capture.Measurements.Count);
    }

    [Fact]
    public async Task Duplex_streaming_is_traced()
    {
        using var capture = new TelemetryCapture();
        var writer = new TestServerStreamWriter<ChatMessage>();

        var result = await Invoke<ShopService>().DuplexStreamingAsync<ChatMessage, ChatMessage>(
            new ShopService().Chat, new TestAsyncStreamReader<ChatMessage>(new[] { new ChatMessage { Text = "hi" } }), writer, Context(Chat));

        Assert.Equal(StatusCode.OK, result.StatusCode);
        Assert.Equal("echo: hi", Assert.Single(writer.Messages).Text);
        var span = capture.SingleSpan();
        Assert.Equal("acme.shop.v1.Orders/Chat", span.DisplayName);
        Assert.Equal("acme.shop.v1.Orders/Chat", capture.SingleMeasurement().Tags["rpc.method"]);
    }

    [Fact]
    public async Task A_NotTraced_method_records_nothing()
    {
        using var capture = new TelemetryCapture();

        var result = await Invoke<ShopService>().UnaryAsync<HealthCheckRequest, HealthCheckResponse>(
            new ShopService().Check, new HealthCheckRequest(), Context("/acme.shop.v1.Orders/Check"));

        Assert.True(result.Response!.Serving);
        Assert.Empty(capture.Spans);
        Assert.Empty(capture.Measurements);
    }

    [Fact]
    public async Task A_recorded_ASP_NET_Core_request_span_is_enriched_instead_of_nesting_a_second_server_span()
    {
        using var capture = new TelemetryCapture(listenToAspNetCore: true);
        using var aspNetCore = new ActivitySource("Microsoft.AspNetCore");
        using var hosting = aspNetCore.StartActivity("Microsoft.AspNetCore.Hosting.HttpRequestIn", ActivityKind.Server)!;

        await Invoke<ShopService>().UnaryAsync<GetOrderRequest, Order>(new ShopService().GetOrder, new GetOrderRequest { OrderId = "missing" }, Context(GetOrder));

        Assert.Empty(capture.Spans);
        Assert.Equal("acme.shop.v1.Orders/GetOrder", hosting.DisplayName);
        Assert.Equal("grpc", hosting.GetTagItem("rpc.system.name"));
        Assert.Equal("acme.shop.v1.Orders/GetOrder", hosting.GetTagItem("rpc.method"));
        Assert.Equal("NOT_FOUND", hosting.GetTagItem("rpc.response.status_code"));
        Assert.Equal("missing", hosting.GetTagItem("acme.order.id"));
        Assert.Equal("shop.internal", hosting.GetTagItem("server.address"));
        Assert.Equal("10.1.2.3", hosting.GetTagItem("network.peer.address"));
        Assert.Single(capture.Measurements);
    }

    [Fact]
    public async Task An_unrecorded_request_span_is_skipped_as_parent_so_no_span_points_at_an_unexported_one()
    {
        // ASP.NET Core creates its request span even when no tracer listens to it; Contrail's span
        // must then hang off the caller's span from the traceparent, not off the unexported one.
        using var capture = new TelemetryCapture(listenToAspNetCore: false);
        const string traceParent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
        using var hosting = new Activity("Microsoft.AspNetCore.Hosting.HttpRequestIn").SetParentId(traceParent).Start();

        await Invoke<ShopService>().UnaryAsync<GetOrderRequest, Order>(new ShopService().GetOrder, new GetOrderRequest { OrderId = "o" }, Context(GetOrder));

        var span = capture.SingleSpan();
        Assert.Equal("0af7651916cd43dd8448eb211c80319c", span.TraceId.ToHexString());
        Assert.Equal("b7ad6b7169203331", span.ParentSpanId.ToHexString());
        Assert.NotEqual(hosting.SpanId, span.ParentSpanId);
        Assert.Same(hosting, Activity.Current);
    }

    [Fact]
    public async Task Without_any_current_span_the_traceparent_header_is_the_parent()
    {
        using var capture = new TelemetryCapture();
        Activity.Current = null;
        var context = Context(GetOrder);
        context.RequestHeaders.Add("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");

        await Invoke<ShopService>().UnaryAsync<GetOrderRequest, Order>(new ShopService().GetOrder, new GetOrderRequest { OrderId = "o" }, context);

        var span = capture.SingleSpan();
        Assert.Equal("4bf92f3577b34da6a3ce929d0e0e4736", span.TraceId.ToHexString());
        Assert.Equal("00f067aa0ba902b7", span.ParentSpanId.ToHexString());
        Assert.True(span.HasRemoteParent);
    }

    [Fact]
    public async Task With_only_the_histogram_listened_to_no_span_is_created_but_the_duration_is_recorded()
    {
        using var capture = new TelemetryCapture(listenToContrail: false);

        await Invoke<ShopService>().UnaryAsync<GetOrderRequest, Order>(new ShopService().GetOrder, new GetOrderRequest { OrderId = "o" }, Context(GetOrder));

        Assert.Empty(capture.Spans);
        Assert.Equal("OK", capture.SingleMeasurement().Tags["rpc.response.status_code"]);
    }

    [Fact]
    public async Task With_nothing_listening_a_call_passes_straight_through_without_allocating()
    {
        var interceptor = new ShopServiceContrailInterceptor();
        var context = Context(GetOrder);
        var request = new GetOrderRequest { OrderId = "cached" };
        UnaryServerMethod<GetOrderRequest, Order> handler = static (_, _) => ShopService.CachedOrder;

        // Warm up: type initialisation and JIT allocate once.
        await interceptor.UnaryServerHandler(request, context, handler);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            _ = interceptor.UnaryServerHandler(request, context, handler);
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
    }

    private static GrpcServerInvoker Invoke<TService>()
        where TService : class
    {
        var services = new ServiceCollection();
        services.AddGrpc().AddContrail();
        return GrpcServerInvoker.ForService<TService>(services.BuildServiceProvider());
    }

    private static TestServerCallContext Context(string method) => new(method)
    {
        Host = "shop.internal:8443",
        Peer = "ipv4:10.1.2.3:50123",
    };
}
