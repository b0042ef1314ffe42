using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Acme.Shop.V1;
using Grpc.AspNetCore.Server;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
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

/// <summary>The generated tracing through the real ASP.NET Core gRPC pipeline: TestServer, a real
/// GrpcChannel and the generated client.</summary>
[Collection(TelemetryCollection.Name)]
public sealed class TracedServiceBehaviourTests
{
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
        await using var host = await GrpcTestHost.StartAsync<ShopService>();
        var request = new GetOrderRequest
        {
            OrderId = "o-17",
            PageSize = 25,
            Customer = new Customer { Id = "c-1", Tier = Tier.Gold, Address = new Address { Country = "NL" } },
        };

        Order response;
        ActivityTraceId callerTrace;
        ActivitySpanId callerSpan;
        using (var caller = TelemetryCapture.TestSource.StartActivity("caller", ActivityKind.Client)!)
        {
            (callerTrace, callerSpan) = (caller.TraceId, caller.SpanId);
            response = await host.Client.GetOrderAsync(request);
        }

        Assert.Equal(4200, response.TotalCents);
        var span = Assert.Single(await GrpcTestHost.WaitForAsync(capture.Spans, 1));
        Assert.Equal("acme.shop.v1.Orders/GetOrder", span.DisplayName);
        Assert.Equal(ActivityKind.Server, span.Kind);
        Assert.Equal(callerTrace, span.TraceId);

        // Grpc.Net.Client starts its own call activity under the caller's span; the traceparent carries it.
        var clientCall = Assert.Single(host.PropagatedSpans);
        Assert.Equal(callerSpan, clientCall.ParentSpanId);
        Assert.Equal(clientCall.SpanId, span.ParentSpanId);
        Assert.True(span.HasRemoteParent);
        Assert.Equal(ActivityStatusCode.Unset, span.Status);

        // TestServer's requests go to http://localhost/ with no connection address: no port, no peer.
        Assert.Equal(
            new Dictionary<string, object?>
            {
                ["rpc.system.name"] = "grpc",
                ["rpc.method"] = "acme.shop.v1.Orders/GetOrder",
                ["server.address"] = "localhost",
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
    [InlineData("shop.internal:8443", "10.1.2.3", 50123, "shop.internal", 8443, "10.1.2.3", 50123)]
    [InlineData("[::1]:5001", "::1", 50000, "::1", 5001, "::1", 50000)]
    [InlineData("shop.internal", "fe80::1", 443, "shop.internal", null, "fe80::1", 443)]
    [InlineData("shop.internal:99999", null, 0, null, null, null, null)]
    public async Task Server_and_peer_addresses_are_parsed_from_the_call(string host, string? remoteIp, int remotePort, string? address, int? port, string? peerAddress, int? peerPort)
    {
        // The request's Host and the connection's remote end, set ahead of the gRPC endpoint: what
        // Grpc.AspNetCore turns into ServerCallContext.Host and .Peer ("ipv4:…" / "ipv6:[…]:…").
        using var capture = new TelemetryCapture();
        await using var server = await GrpcTestHost.StartAsync<ShopService>(configureApp: app => app.Use(next => context =>
        {
            context.Request.Host = new HostString(host);
            if (remoteIp is not null)
            {
                context.Connection.RemoteIpAddress = IPAddress.Parse(remoteIp);
                context.Connection.RemotePort = remotePort;
            }

            return next(context);
        }));

        await server.Client.GetOrderAsync(new GetOrderRequest { OrderId = "o" });

        var span = Assert.Single(await GrpcTestHost.WaitForAsync(capture.Spans, 1));
        Assert.Equal(address, span.GetTagItem("server.address"));
        Assert.Equal(port, span.GetTagItem("server.port"));
        Assert.Equal(peerAddress, span.GetTagItem("network.peer.address"));
        Assert.Equal(peerPort, span.GetTagItem("network.peer.port"));
    }

    [Fact]
    public async Task An_absent_nested_message_records_nothing_for_its_members()
    {
        using var capture = new TelemetryCapture();
        await using var host = await GrpcTestHost.StartAsync<ShopService>();

        await host.Client.GetOrderAsync(new GetOrderRequest { OrderId = "o-1" });

        var tags = Assert.Single(await GrpcTestHost.WaitForAsync(capture.Spans, 1)).TagObjects.Select(t => t.Key).ToList();
        Assert.Contains("acme.order.id", tags);
        Assert.DoesNotContain("acme.customer.tier", tags);
        Assert.DoesNotContain("acme.customer.country", tags);
    }

    [Fact]
    public async Task An_RpcException_passes_through_with_its_status_and_NOT_FOUND_is_not_an_error_by_default()
    {
        using var capture = new TelemetryCapture();
        await using var host = await GrpcTestHost.StartAsync<ShopService>();

        var received = await Assert.ThrowsAsync<RpcException>(() => host.Client.GetOrderAsync(new GetOrderRequest { OrderId = "missing" }).ResponseAsync);

        Assert.Equal(StatusCode.NotFound, received.StatusCode);
        Assert.Equal("Order missing was not found.", received.Status.Detail);
        var span = Assert.Single(await GrpcTestHost.WaitForAsync(capture.Spans, 1));
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
        await using var host = await GrpcTestHost.StartAsync<ShopService>();

        var received = await Assert.ThrowsAsync<RpcException>(() => host.Client.GetOrderAsync(new GetOrderRequest { OrderId = "boom" }).ResponseAsync);

        Assert.Equal(StatusCode.Unknown, received.StatusCode);
        Assert.Equal("Exception was thrown by handler.", received.Status.Detail);
        Assert.DoesNotContain("hunter2", received.Status.Detail + string.Join(",", received.Trailers.Select(t => t.Key + t.Value)));
        var span = Assert.Single(await GrpcTestHost.WaitForAsync(capture.Spans, 1));
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
        await using var host = await GrpcTestHost.StartAsync<ShopService>();

        var received = await Assert.ThrowsAsync<RpcException>(() => host.Client.GetOrderAsync(new GetOrderRequest { OrderId = "null" }).ResponseAsync);

        Assert.Equal(StatusCode.Cancelled, received.StatusCode);
        Assert.Equal("CANCELLED", Assert.Single(await GrpcTestHost.WaitForAsync(capture.Spans, 1)).GetTagItem("rpc.response.status_code"));
    }

    [Fact]
    public async Task A_status_set_on_the_context_is_the_calls_status()
    {
        using var capture = new TelemetryCapture();
        await using var host = await GrpcTestHost.StartAsync<ShopService>();

        var received = await Assert.ThrowsAsync<RpcException>(() => host.Client.GetOrderAsync(new GetOrderRequest { OrderId = "status" }).ResponseAsync);

        Assert.Equal(StatusCode.FailedPrecondition, received.StatusCode);
        Assert.Equal("Set, not thrown.", received.Status.Detail);
        Assert.Equal("FAILED_PRECONDITION", Assert.Single(await GrpcTestHost.WaitForAsync(capture.Spans, 1)).GetTagItem("rpc.response.status_code"));
    }

    [Fact]
    public async Task Caller_cancellation_is_CANCELLED_and_not_an_error()
    {
        using var capture = new TelemetryCapture();
        await using var host = await GrpcTestHost.StartAsync<ShopService>();
        using var cancellation = new CancellationTokenSource();

        var call = host.Client.GetOrderAsync(new GetOrderRequest { OrderId = "slow" }, cancellationToken: cancellation.Token);
        await Task.Delay(100);
        cancellation.Cancel();
        var received = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync);

        var span = Assert.Single(await GrpcTestHost.WaitForAsync(capture.Spans, 1));

        // TestServer has no stream reset: the server's own answer to the cancelled handler (UNKNOWN)
        // races the client's own CANCELLED. The server's record is what is under test.
        Assert.NotEqual(StatusCode.OK, received.StatusCode);
        Assert.Equal("CANCELLED", span.GetTagItem("rpc.response.status_code"));
        Assert.Null(span.GetTagItem("error.type"));
        Assert.Equal(ActivityStatusCode.Unset, span.Status);
        Assert.Equal("CANCELLED", capture.SingleMeasurement().Tags["rpc.response.status_code"]);
    }

    [Fact]
    public async Task A_passed_deadline_is_DEADLINE_EXCEEDED_and_an_error()
    {
        using var capture = new TelemetryCapture();
        await using var host = await GrpcTestHost.StartAsync<ShopService>();

        var received = await Assert.ThrowsAsync<RpcException>(() =>
            host.Client.GetOrderAsync(new GetOrderRequest { OrderId = "slow" }, deadline: DateTime.UtcNow.AddMilliseconds(200)).ResponseAsync);

        var span = Assert.Single(await GrpcTestHost.WaitForAsync(capture.Spans, 1));

        // TestServer has no stream reset, so the server cannot end the call with DEADLINE_EXCEEDED at the
        // deadline; its answer to the cancelled handler (UNKNOWN) races the client's own deadline
        // (DEADLINE_EXCEEDED, or CANCELLED as the request is torn down). The server's record is what is under test.
        Assert.NotEqual(StatusCode.OK, received.StatusCode);
        Assert.Equal("DEADLINE_EXCEEDED", span.GetTagItem("rpc.response.status_code"));
        Assert.Equal("DEADLINE_EXCEEDED", span.GetTagItem("error.type"));
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        Assert.Equal("DEADLINE_EXCEEDED", capture.SingleMeasurement().Tags["error.type"]);
    }

    [Fact]
    public async Task Span_status_overrides_apply_per_service_and_per_method()
    {
        using var capture = new TelemetryCapture();
        await using var host = await GrpcTestHost.StartAsync<StrictShopService>();

        await Assert.ThrowsAsync<RpcException>(() => host.Client.GetOrderAsync(new GetOrderRequest()).ResponseAsync);
        var notFound = Assert.Single(await GrpcTestHost.WaitForAsync(capture.Spans, 1));
        Assert.Equal(ActivityStatusCode.Error, notFound.Status);
        Assert.Equal("NOT_FOUND", notFound.GetTagItem("error.type"));

        var received = await Assert.ThrowsAsync<RpcException>(() =>
            host.Client.GetOrderAsync(new GetOrderRequest { OrderId = "slow" }, deadline: DateTime.UtcNow.AddMilliseconds(200)).ResponseAsync);
        Assert.NotEqual(StatusCode.OK, received.StatusCode);
        var deadline = Assert.Single(await GrpcTestHost.WaitForAsync(capture.Spans, 2), s => s != notFound);
        Assert.Equal("DEADLINE_EXCEEDED", deadline.GetTagItem("rpc.response.status_code"));
        Assert.Equal(ActivityStatusCode.Unset, deadline.Status);
        Assert.Null(deadline.GetTagItem("error.type"));
    }

    [Fact]
    public async Task Server_streaming_success_and_a_client_abort_mid_stream_each_end_the_span_once()
    {
        using var capture = new TelemetryCapture();
        await using var host = await GrpcTestHost.StartAsync<ShopService>();

        using (var ok = host.Client.WatchOrders(new WatchOrdersRequest { CustomerId = "c", Count = 3 }))
        {
            var received = new List<string>();
            while (await ok.ResponseStream.MoveNext(CancellationToken.None))
            {
                received.Add(ok.ResponseStream.Current.OrderId);
            }

            Assert.Equal(new[] { "c-0", "c-1", "c-2" }, received);
            Assert.Equal(StatusCode.OK, ok.GetStatus().StatusCode);
        }

        Assert.Equal("OK", Assert.Single(await GrpcTestHost.WaitForAsync(capture.Spans, 1)).GetTagItem("rpc.response.status_code"));

        // The client reads one message of a long stream, then disposes the call: the stream is reset.
        using (var aborted = host.Client.WatchOrders(new WatchOrdersRequest { CustomerId = "c", Count = 1_000_000 }))
        {
            Assert.True(await aborted.ResponseStream.MoveNext(CancellationToken.None));
        }

        var spans = await GrpcTestHost.WaitForAsync(capture.Spans, 2);
        Assert.Equal(2, spans.Count);
        Assert.Single(spans, s => (string?)s.GetTagItem("rpc.response.status_code") == "CANCELLED");
        Assert.Equal(2, capture.Measurements.Count);
        Assert.All(spans, s => Assert.True(s.Duration > TimeSpan.Zero));
    }

    [Fact]
    public async Task Client_streaming_success_and_a_client_abort_mid_stream()
    {
        using var capture = new TelemetryCapture();
        await using var host = await GrpcTestHost.StartAsync<ShopService>();

        using (var ok = host.Client.UploadOrders())
        {
            await ok.RequestStream.WriteAsync(new Order());
            await ok.RequestStream.WriteAsync(new Order());
            await ok.RequestStream.CompleteAsync();
            Assert.Equal(2, (await ok.ResponseAsync).Count);
        }

        Assert.Equal("OK", Assert.Single(await GrpcTestHost.WaitForAsync(capture.Spans, 1)).GetTagItem("rpc.response.status_code"));

        using (var aborted = host.Client.UploadOrders())
        {
            await aborted.RequestStream.WriteAsync(new Order());
            await Task.Delay(100);
        }

        var spans = await GrpcTestHost.WaitForAsync(capture.Spans, 2);
        Assert.Equal(2, spans.Count);
        Assert.Single(spans, s => (string?)s.GetTagItem("rpc.response.status_code") == "CANCELLED");
        Assert.Equal(2, capture.Measurements.Count);
    }

    [Fact]
    public async Task Duplex_streaming_is_traced()
    {
        using var capture = new TelemetryCapture();
        await using var host = await GrpcTestHost.StartAsync<ShopService>();

        using (var call = host.Client.Chat())
        {
            await call.RequestStream.WriteAsync(new ChatMessage { Text = "hi" });
            Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
            Assert.Equal("echo: hi", call.ResponseStream.Current.Text);
            await call.RequestStream.CompleteAsync();
            Assert.False(await call.ResponseStream.MoveNext(CancellationToken.None));
            Assert.Equal(StatusCode.OK, call.GetStatus().StatusCode);
        }

        var span = Assert.Single(await GrpcTestHost.WaitForAsync(capture.Spans, 1));
        Assert.Equal("acme.shop.v1.Orders/Chat", span.DisplayName);
        Assert.Equal("OK", span.GetTagItem("rpc.response.status_code"));
        Assert.Equal("acme.shop.v1.Orders/Chat", capture.SingleMeasurement().Tags["rpc.method"]);
    }

    [Fact]
    public async Task Duplex_streaming_aborted_by_the_client_mid_stream_is_CANCELLED()
    {
        using var capture = new TelemetryCapture();
        await using var host = await GrpcTestHost.StartAsync<ShopService>();

        using (var call = host.Client.Chat())
        {
            await call.RequestStream.WriteAsync(new ChatMessage { Text = "hi" });
            Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        }

        var span = Assert.Single(await GrpcTestHost.WaitForAsync(capture.Spans, 1));
        Assert.Equal("CANCELLED", span.GetTagItem("rpc.response.status_code"));
        Assert.Null(span.GetTagItem("error.type"));
    }

    [Fact]
    public async Task A_NotTraced_method_records_nothing()
    {
        using var capture = new TelemetryCapture();
        await using var host = await GrpcTestHost.StartAsync<ShopService>();

        var response = await host.Client.CheckAsync(new HealthCheckRequest());

        Assert.True(response.Serving);
        await Task.Delay(100);
        Assert.Empty(capture.Spans);
        Assert.Empty(capture.Measurements);
    }

    [Fact]
    public async Task A_recorded_ASP_NET_Core_request_span_is_enriched_instead_of_nesting_a_second_server_span()
    {
        using var capture = new TelemetryCapture(listenToAspNetCore: true);
        await using var host = await GrpcTestHost.StartAsync<ShopService>();

        await Assert.ThrowsAsync<RpcException>(() => host.Client.GetOrderAsync(new GetOrderRequest { OrderId = "missing" }).ResponseAsync);

        var hosting = Assert.Single(await GrpcTestHost.WaitForAsync(capture.RequestSpans, 1));
        Assert.Empty(capture.Spans);
        Assert.Equal("acme.shop.v1.Orders/GetOrder", hosting.DisplayName);
        Assert.Equal("grpc", hosting.GetTagItem("rpc.system.name"));
        Assert.Equal("acme.shop.v1.Orders/GetOrder", hosting.GetTagItem("rpc.method"));
        Assert.Equal("NOT_FOUND", hosting.GetTagItem("rpc.response.status_code"));
        Assert.Equal("missing", hosting.GetTagItem("acme.order.id"));
        Assert.Equal("localhost", hosting.GetTagItem("server.address"));
        Assert.Single(capture.Measurements);
    }

    [Fact]
    public async Task An_unrecorded_request_span_is_skipped_as_parent_so_no_span_points_at_an_unexported_one()
    {
        // ASP.NET Core creates its request span even when no tracer listens to its source (here because
        // a DiagnosticListener subscriber is on); Contrail's span must then hang off the caller's span
        // from the traceparent, not off the unexported one.
        using var capture = new TelemetryCapture(listenToAspNetCore: false);
        using var requestSpans = new HostingDiagnosticsObserver();
        await using var host = await GrpcTestHost.StartAsync<ShopService>();
        const string traceParent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
        Activity.Current = null;

        await host.Client.GetOrderAsync(new GetOrderRequest { OrderId = "o" }, new Metadata { { "traceparent", traceParent } });

        var span = Assert.Single(await GrpcTestHost.WaitForAsync(capture.Spans, 1));
        var hosting = Assert.Single(requestSpans.Started);
        Assert.Equal("0af7651916cd43dd8448eb211c80319c", span.TraceId.ToHexString());
        Assert.Equal("b7ad6b7169203331", span.ParentSpanId.ToHexString());
        Assert.Equal("b7ad6b7169203331", hosting.ParentSpanId.ToHexString());
        Assert.NotEqual(hosting.SpanId, span.ParentSpanId);
    }

    [Fact]
    public async Task Without_any_current_span_the_traceparent_header_is_the_parent()
    {
        using var capture = new TelemetryCapture();
        await using var host = await GrpcTestHost.StartAsync<ShopService>();
        Activity.Current = null;

        await host.Client.GetOrderAsync(new GetOrderRequest { OrderId = "o" }, new Metadata { { "traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01" } });

        var span = Assert.Single(await GrpcTestHost.WaitForAsync(capture.Spans, 1));
        Assert.Equal("4bf92f3577b34da6a3ce929d0e0e4736", span.TraceId.ToHexString());
        Assert.Equal("00f067aa0ba902b7", span.ParentSpanId.ToHexString());
        Assert.True(span.HasRemoteParent);
    }

    [Fact]
    public async Task With_only_the_histogram_listened_to_no_span_is_created_but_the_duration_is_recorded()
    {
        using var capture = new TelemetryCapture(listenToContrail: false);
        await using var host = await GrpcTestHost.StartAsync<ShopService>();

        await host.Client.GetOrderAsync(new GetOrderRequest { OrderId = "o" });

        var measurement = Assert.Single(await GrpcTestHost.WaitForAsync(capture.Measurements, 1));
        Assert.Empty(capture.Spans);
        Assert.Equal("OK", measurement.Tags["rpc.response.status_code"]);
    }

    /// <summary>Subscribes to ASP.NET Core's DiagnosticListener, which makes it create its request
    /// activity without an ActivitySource listener: an activity no tracer records.</summary>
    private sealed class HostingDiagnosticsObserver : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
    {
        private readonly IDisposable _all;
        private readonly List<IDisposable> _subscriptions = new();

        public HostingDiagnosticsObserver() => _all = DiagnosticListener.AllListeners.Subscribe(this);

        public System.Collections.Concurrent.ConcurrentBag<Activity> Started { get; } = new();

        public void OnNext(DiagnosticListener value)
        {
            if (value.Name == "Microsoft.AspNetCore")
            {
                lock (_subscriptions)
                {
                    _subscriptions.Add(value.Subscribe(this));
                }
            }
        }

        public void OnNext(KeyValuePair<string, object?> value)
        {
            if (value.Key == "Microsoft.AspNetCore.Hosting.HttpRequestIn.Start" && Activity.Current is { } activity)
            {
                Started.Add(activity);
            }
        }

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }

        public void Dispose()
        {
            _all.Dispose();
            lock (_subscriptions)
            {
                _subscriptions.ForEach(s => s.Dispose());
            }
        }
    }
}
