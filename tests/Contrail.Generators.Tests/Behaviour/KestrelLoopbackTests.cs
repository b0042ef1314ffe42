using System;
using System.Collections;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using Grpc.Core;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Status = Grpc.Core.Status;
using StatusCode = Grpc.Core.StatusCode;
using Xunit;

namespace Contrail.Generators.Tests.Behaviour;

/// <summary>One Kestrel h2c host and one client for all the loopback tests.</summary>
public sealed class KestrelLoopbackFixture : IAsyncLifetime
{
    internal KestrelLoopbackHost Host { get; private set; } = null!;

    internal LoopbackClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Host = await KestrelLoopbackHost.StartAsync<LoopbackShopService>();
        Client = Host.CreateClient();
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Host.DisposeAsync();
    }
}

/// <summary>
/// The generated tracing on real Kestrel over HTTP/2 cleartext on loopback, with a real GrpcChannel on
/// SocketsHttpHandler, as the OpenTelemetry SDK exports it: every method kind and every way a call ends,
/// including the ones TestServer cannot produce (stream resets from either side, the server's own deadline).
/// </summary>
[Collection(TelemetryCollection.Name)]
public sealed class KestrelLoopbackTests(KestrelLoopbackFixture fixture) : IClassFixture<KestrelLoopbackFixture>
{
    private const string SourceName = TelemetryCapture.SourceName;
    private const string HttpClientSourceName = "System.Net.Http";

    /// <summary>Every kind with every outcome; a unary call cannot be aborted mid-stream, but it can be disposed while held.</summary>
    public static TheoryData<RpcKind, LoopbackOutcome> Calls()
    {
        var data = new TheoryData<RpcKind, LoopbackOutcome>();
        foreach (var kind in Enum.GetValues<RpcKind>())
        {
            foreach (var outcome in Enum.GetValues<LoopbackOutcome>())
            {
                data.Add(kind, outcome);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Calls))]
    public async Task Each_call_exports_one_server_span_under_the_propagated_client_span_and_one_duration(RpcKind kind, LoopbackOutcome outcome)
    {
        var spans = new LockedCollection<Activity>();
        var metrics = new LockedCollection<MetricSnapshot>();
        // System.Net.Http too, as the HttpClient instrumentation does: SocketsHttpHandler's own request
        // span is then recorded, and it is the one whose context goes out as traceparent.
        using var tracerProvider = Sdk.CreateTracerProviderBuilder()
            .AddSource(SourceName, TelemetryCapture.TestSource.Name, HttpClientSourceName)
            .SetSampler(new AlwaysOnSampler())
            .AddInMemoryExporter(spans)
            .Build();
        using var meterProvider = Sdk.CreateMeterProviderBuilder()
            .AddMeter(SourceName)
            .AddInMemoryExporter(metrics)
            .Build();
        var client = fixture.Client;
        var method = "acme.shop.v1.Orders/" + MethodName(kind);

        Status received;
        ActivityTraceId callerTrace;
        ActivitySpanId callerSpan;
        var started = DateTime.UtcNow;
        using (var caller = TelemetryCapture.TestSource.StartActivity("caller", ActivityKind.Client)!)
        {
            (callerTrace, callerSpan) = (caller.TraceId, caller.SpanId);
            received = await LoopbackCalls.InvokeAsync(client.Client, kind, outcome, TimeSpan.FromMilliseconds(200));
        }

        // Cancellations, deadlines and resets end the server's span after the client has its status.
        var span = Assert.Single(await GrpcTestHost.WaitForAsync(spans.Where(s => s.Source.Name == SourceName && s.TraceId == callerTrace), 1));
        var expectedStatus = LoopbackCalls.ExpectedServerStatus(outcome);
        var statusName = StatusName(expectedStatus);
        var expectedError = outcome switch
        {
            LoopbackOutcome.RpcException or LoopbackOutcome.Deadline => statusName,
            LoopbackOutcome.UnmappedException => "System.InvalidOperationException",
            _ => null,
        };

        // The client's view: what a caller of this service gets back over the wire.
        // Grpc.Net.Client 2.85 sometimes reports its own cancellation, racing the unary response read, as
        // INTERNAL ("Error starting gRPC call. ObjectDisposedException"): the client library's race, not the server's.
        var clientStatusOk = ExpectedClientStatus(outcome) == received.StatusCode
            || (outcome == LoopbackOutcome.CallerCancel && received.StatusCode == StatusCode.Internal && received.Detail.Contains(nameof(ObjectDisposedException), StringComparison.Ordinal));
        Assert.True(clientStatusOk, $"client: {received}");

        // The span: named as the conventions say, and parented to the span that went out as traceparent:
        // caller -> Grpc.Net.Client's call activity -> SocketsHttpHandler's request span -> the server span.
        // SocketsHttpHandler added the header itself: nothing did before it.
        Assert.Equal(method, span.DisplayName);
        Assert.Equal(ActivityKind.Server, span.Kind);
        Assert.Equal(callerTrace, span.TraceId);
        Assert.True(span.HasRemoteParent);
        var clientCall = Assert.Single(client.CallerSpans, a => a.TraceId == callerTrace);
        Assert.Equal(callerSpan, clientCall.ParentSpanId);
        var httpRequest = Assert.Single(spans, s => s.Source.Name == HttpClientSourceName && s.TraceId == callerTrace);
        Assert.Equal(ActivityKind.Client, httpRequest.Kind);
        Assert.Equal(clientCall.SpanId, httpRequest.ParentSpanId);
        Assert.Equal(httpRequest.SpanId, span.ParentSpanId);
        Assert.Equal(0, client.TraceParentsBeforeSocketsHttpHandler);
        Assert.InRange(span.StartTimeUtc, started.AddSeconds(-1), DateTime.UtcNow);
        Assert.True(span.Duration > TimeSpan.Zero);

        // Real connection addresses: the authority the channel called and the client's own socket.
        var tags = span.TagObjects.ToDictionary(t => t.Key, t => t.Value);
        var expectedTags = new Dictionary<string, object?>
        {
            ["rpc.system.name"] = "grpc",
            ["rpc.method"] = method,
            ["server.address"] = "127.0.0.1",
            ["server.port"] = fixture.Host.Port,
            ["network.peer.address"] = "127.0.0.1",
            ["network.peer.port"] = Assert.Single(client.LocalPorts),
            [LoopbackShopService.OutcomeTag] = outcome.ToString(),
            ["rpc.response.status_code"] = statusName,
        };
        if (expectedError is not null)
        {
            expectedTags["error.type"] = expectedError;
        }

        Assert.True(expectedTags.Count == tags.Count && !expectedTags.Except(tags).Any(), "span tags: " + string.Join(", ", tags.Select(t => $"{t.Key}={t.Value}")));
        Assert.Equal(expectedError is null ? ActivityStatusCode.Unset : ActivityStatusCode.Error, span.Status);
        if (outcome == LoopbackOutcome.RpcException)
        {
            Assert.Equal("Inventory is unavailable.", span.StatusDescription);
        }

        var exceptionEvents = span.Events.Where(e => e.Name == "exception").ToList();
        if (outcome == LoopbackOutcome.UnmappedException)
        {
            Assert.Equal(expectedError, Assert.Single(exceptionEvents).Tags.Single(t => t.Key == "exception.type").Value);
        }
        else
        {
            Assert.Empty(exceptionEvents);
        }

        // The histogram: one measurement of this call, under its method and status.
        var point = await WaitForDurationAsync(meterProvider, metrics, method);
        Assert.Equal(1, point.Count);
        var expectedPointTags = new Dictionary<string, object?>
        {
            ["rpc.system.name"] = "grpc",
            ["rpc.method"] = method,
            ["rpc.response.status_code"] = statusName,
        };
        if (expectedError is not null)
        {
            expectedPointTags["error.type"] = expectedError;
        }

        Assert.Equal(expectedPointTags, point.Tags);
        Assert.InRange(point.Sum, 0, span.Duration.TotalSeconds + 1);
    }

    [Fact]
    public async Task A_mapped_error_crosses_the_real_wire_with_its_ErrorInfo()
    {
        var call = fixture.Client.Client.GetOrderAsync(
            new Acme.Shop.V1.GetOrderRequest(),
            new Metadata { { LoopbackShopService.OutcomeHeader, nameof(LoopbackOutcome.MappedError) } });

        var received = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync);

        Assert.Equal(StatusCode.NotFound, received.StatusCode);
        Assert.Equal("Order o-404 was not found.", received.Status.Detail);
        Assert.True(ShopErrors.TryGetOrderNotFound(received, out var error));
        Assert.Equal("o-404", error!.OrderId);
    }

    [Fact]
    public async Task Concurrent_calls_on_one_connection_each_get_their_own_span_and_parent()
    {
        var spans = new LockedCollection<Activity>();
        using var tracerProvider = Sdk.CreateTracerProviderBuilder()
            .AddSource(SourceName, TelemetryCapture.TestSource.Name, HttpClientSourceName)
            .SetSampler(new AlwaysOnSampler())
            .AddInMemoryExporter(spans)
            .Build();
        var client = fixture.Client;

        var traces = await Task.WhenAll(Enumerable.Range(0, 20).Select(async i =>
        {
            using var caller = TelemetryCapture.TestSource.StartActivity("caller", ActivityKind.Client)!;
            var kind = (RpcKind)(i % 4);
            Assert.Equal(StatusCode.OK, (await LoopbackCalls.InvokeAsync(client.Client, kind, LoopbackOutcome.Ok, TimeSpan.Zero)).StatusCode);
            return caller.TraceId;
        }));

        var server = await GrpcTestHost.WaitForAsync(spans.Where(s => s.Source.Name == SourceName && traces.Contains(s.TraceId)), 20);
        Assert.Equal(20, server.Count);
        Assert.Equal(traces.OrderBy(t => t.ToHexString()), server.Select(s => s.TraceId).OrderBy(t => t.ToHexString()));
        foreach (var span in server)
        {
            var httpRequest = Assert.Single(spans, s => s.Source.Name == HttpClientSourceName && s.TraceId == span.TraceId);
            Assert.Equal(httpRequest.SpanId, span.ParentSpanId);
            Assert.Equal(Assert.Single(client.CallerSpans, a => a.TraceId == span.TraceId).SpanId, httpRequest.ParentSpanId);
        }

        // HTTP/2 multiplexes them all on the client's one connection.
        Assert.Single(client.LocalPorts);
    }

    [Fact]
    public async Task Without_a_System_Net_Http_listener_SocketsHttpHandler_still_propagates_but_from_an_unrecorded_child()
    {
        // Observed on .NET 10: with a current span and no listener on System.Net.Http, SocketsHttpHandler's
        // DiagnosticsHandler creates its own HttpRequestOut activity anyway (recorded by nobody) and sends
        // that activity's id. The server span is in the caller's trace, but its parent is never exported.
        var spans = new LockedCollection<Activity>();
        using var tracerProvider = Sdk.CreateTracerProviderBuilder()
            .AddSource(SourceName, TelemetryCapture.TestSource.Name)
            .SetSampler(new AlwaysOnSampler())
            .AddInMemoryExporter(spans)
            .Build();
        var client = fixture.Client;

        ActivityTraceId callerTrace;
        using (var caller = TelemetryCapture.TestSource.StartActivity("caller", ActivityKind.Client)!)
        {
            callerTrace = caller.TraceId;
            Assert.Equal(StatusCode.OK, (await LoopbackCalls.InvokeAsync(client.Client, RpcKind.Unary, LoopbackOutcome.Ok, TimeSpan.Zero)).StatusCode);
        }

        var span = Assert.Single(await GrpcTestHost.WaitForAsync(spans.Where(s => s.Source.Name == SourceName && s.TraceId == callerTrace), 1));
        var clientCall = Assert.Single(client.CallerSpans, a => a.TraceId == callerTrace);
        Assert.Equal(0, client.TraceParentsBeforeSocketsHttpHandler);
        Assert.True(span.HasRemoteParent);
        Assert.NotEqual(clientCall.SpanId, span.ParentSpanId);
        Assert.DoesNotContain(spans, s => s.SpanId == span.ParentSpanId);
    }

    private static StatusCode ExpectedClientStatus(LoopbackOutcome outcome) => outcome switch
    {
        // Kestrel resets the aborted stream with INTERNAL_ERROR; Grpc.Net.Client reports that as INTERNAL.
        LoopbackOutcome.ServerAbort => StatusCode.Internal,
        _ => LoopbackCalls.ExpectedServerStatus(outcome),
    };

    private static string MethodName(RpcKind kind) => kind switch
    {
        RpcKind.Unary => "GetOrder",
        RpcKind.ServerStreaming => "WatchOrders",
        RpcKind.ClientStreaming => "UploadOrders",
        _ => "Chat",
    };

    private static string StatusName(StatusCode code) => code switch
    {
        StatusCode.OK => "OK",
        StatusCode.Cancelled => "CANCELLED",
        StatusCode.Unknown => "UNKNOWN",
        StatusCode.DeadlineExceeded => "DEADLINE_EXCEEDED",
        StatusCode.NotFound => "NOT_FOUND",
        StatusCode.Unavailable => "UNAVAILABLE",
        _ => throw new ArgumentOutOfRangeException(nameof(code), code, null),
    };

    /// <summary>The server records the duration just after ending the span: flush until it is exported.</summary>
    private static async Task<DurationPoint> WaitForDurationAsync(MeterProvider provider, LockedCollection<MetricSnapshot> exported, string method)
    {
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (true)
        {
            exported.Clear();
            provider.ForceFlush();
            var points = new List<DurationPoint>();
            foreach (var metric in exported.Where(m => m.Name == "rpc.server.call.duration"))
            {
                Assert.Equal("s", metric.Unit);
                foreach (var point in metric.MetricPoints)
                {
                    var tags = new Dictionary<string, object?>();
                    foreach (var tag in point.Tags)
                    {
                        tags[tag.Key] = tag.Value;
                    }

                    points.Add(new DurationPoint(point.GetHistogramCount(), point.GetHistogramSum(), tags));
                }
            }

            if (points.Count > 0 || DateTime.UtcNow > until)
            {
                return Assert.Single(points, p => Equals(p.Tags["rpc.method"], method));
            }

            await Task.Delay(10);
        }
    }

    private sealed record DurationPoint(long Count, double Sum, Dictionary<string, object?> Tags);

    /// <summary>The InMemory exporters add from the thread that ends the span (or flushes): a collection that can be read meanwhile.</summary>
    private sealed class LockedCollection<T> : ICollection<T>
    {
        private readonly List<T> _items = new();

        public int Count
        {
            get
            {
                lock (_items)
                {
                    return _items.Count;
                }
            }
        }

        public bool IsReadOnly => false;

        public void Add(T item)
        {
            lock (_items)
            {
                _items.Add(item);
            }
        }

        public void Clear()
        {
            lock (_items)
            {
                _items.Clear();
            }
        }

        public bool Contains(T item)
        {
            lock (_items)
            {
                return _items.Contains(item);
            }
        }

        public void CopyTo(T[] array, int arrayIndex)
        {
            lock (_items)
            {
                _items.CopyTo(array, arrayIndex);
            }
        }

        public bool Remove(T item)
        {
            lock (_items)
            {
                return _items.Remove(item);
            }
        }

        public IEnumerator<T> GetEnumerator()
        {
            T[] snapshot;
            lock (_items)
            {
                snapshot = _items.ToArray();
            }

            return ((IEnumerable<T>)snapshot).GetEnumerator();
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
