using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Contrail.Generated;
using Contrail.Generators.TracedServices;
using Grpc.Core;
using Xunit;

namespace Contrail.Runtime.Tests;

/// <summary>
/// One traced call end to end through the runtime: its span, status, exception and duration, with
/// real listeners. Each test traces its own service name, so tests running in parallel (which share
/// the static ActivitySource and Meter) only see their own calls.
/// </summary>
public sealed class ServerCallTests
{
    [Fact]
    public async Task A_successful_call_records_one_server_span_with_status_OK()
    {
        using var recorder = new Recorder(nameof(A_successful_call_records_one_server_span_with_status_OK));

        var response = await ContrailServerTelemetry.TraceUnaryAsync(recorder.Method, "request", new TestCallContext(), (request, _) => Task.FromResult("response"), enrichRequest: null);

        Assert.Equal("response", response);
        var span = Assert.Single(recorder.Spans);
        Assert.Equal(ActivityKind.Server, span.Kind);
        Assert.Equal(recorder.Method.RpcMethod, span.DisplayName);
        Assert.Equal("grpc", span.GetTagItem("rpc.system.name"));
        Assert.Equal(recorder.Method.RpcMethod, span.GetTagItem("rpc.method"));
        Assert.Equal("OK", span.GetTagItem("rpc.response.status_code"));
        Assert.Equal("localhost", span.GetTagItem("server.address"));
        Assert.Equal(50051, span.GetTagItem("network.peer.port"));
        Assert.Null(span.GetTagItem("error.type"));
        Assert.Equal(ActivityStatusCode.Unset, span.Status);
        Assert.Equal("0.0.0-test", span.Source.Version);
    }

    [Fact]
    public async Task A_client_error_status_is_recorded_but_is_not_a_server_error()
    {
        using var recorder = new Recorder(nameof(A_client_error_status_is_recorded_but_is_not_a_server_error));

        await Assert.ThrowsAsync<RpcException>(() => ContrailServerTelemetry.TraceUnaryAsync<string, string>(
            recorder.Method, "request", new TestCallContext(), (_, _) => throw new RpcException(new Status(StatusCode.NotFound, "no such order")), enrichRequest: null));

        var span = Assert.Single(recorder.Spans);
        Assert.Equal("NOT_FOUND", span.GetTagItem("rpc.response.status_code"));
        Assert.Null(span.GetTagItem("error.type"));
        Assert.Equal(ActivityStatusCode.Unset, span.Status);
    }

    [Fact]
    public async Task A_server_error_status_marks_the_span_with_its_name_and_description()
    {
        using var recorder = new Recorder(nameof(A_server_error_status_marks_the_span_with_its_name_and_description));

        await Assert.ThrowsAsync<RpcException>(() => ContrailServerTelemetry.TraceServerStreamingAsync<string, string>(
            recorder.Method, "request", null!, new TestCallContext(), (_, _, _) => throw new RpcException(new Status(StatusCode.Unavailable, "database down")), enrichRequest: null));

        var span = Assert.Single(recorder.Spans);
        Assert.Equal("UNAVAILABLE", span.GetTagItem("rpc.response.status_code"));
        Assert.Equal("UNAVAILABLE", span.GetTagItem("error.type"));
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        Assert.Equal("database down", span.StatusDescription);
        Assert.Empty(span.Events);
    }

    [Fact]
    public async Task An_unmapped_exception_is_UNKNOWN_with_its_type_and_an_exception_event_and_is_rethrown_as_it_is()
    {
        using var recorder = new Recorder(nameof(An_unmapped_exception_is_UNKNOWN_with_its_type_and_an_exception_event_and_is_rethrown_as_it_is));
        var thrown = new InvalidOperationException("boom");

        var caught = await Assert.ThrowsAsync<InvalidOperationException>(() => ContrailServerTelemetry.TraceUnaryAsync<string, string>(
            recorder.Method, "request", new TestCallContext(), (_, _) => throw thrown, enrichRequest: null));

        Assert.Same(thrown, caught);
        var span = Assert.Single(recorder.Spans);
        Assert.Equal("UNKNOWN", span.GetTagItem("rpc.response.status_code"));
        Assert.Equal("System.InvalidOperationException", span.GetTagItem("error.type"));
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        var exception = Assert.Single(span.Events);
        Assert.Equal("exception", exception.Name);
        Assert.Equal("System.InvalidOperationException", exception.Tags.Single(t => t.Key == "exception.type").Value);
        Assert.Equal("boom", exception.Tags.Single(t => t.Key == "exception.message").Value);
    }

    [Fact]
    public async Task A_call_the_client_cancelled_is_CANCELLED_whatever_the_handler_threw()
    {
        using var recorder = new Recorder(nameof(A_call_the_client_cancelled_is_CANCELLED_whatever_the_handler_threw));
        var context = new TestCallContext { CancellationTokenValue = new CancellationToken(canceled: true) };

        await Assert.ThrowsAsync<OperationCanceledException>(() => ContrailServerTelemetry.TraceDuplexStreamingAsync<string, string>(
            recorder.Method, null!, null!, context, (_, _, _) => throw new OperationCanceledException()));

        var span = Assert.Single(recorder.Spans);
        Assert.Equal("CANCELLED", span.GetTagItem("rpc.response.status_code"));
        Assert.Null(span.GetTagItem("error.type"));
        Assert.Empty(span.Events);
    }

    [Fact]
    public async Task A_request_stream_reset_reported_before_the_calls_cancellation_is_CANCELLED_and_timed_at_the_failure()
    {
        // Kestrel fails the pending read when the client resets the stream, and cancels the call a moment later.
        using var recorder = new Recorder(nameof(A_request_stream_reset_reported_before_the_calls_cancellation_is_CANCELLED_and_timed_at_the_failure));
        using var cancellation = new CancellationTokenSource();
        var context = new TestCallContext { CancellationTokenValue = cancellation.Token };
        var sinceFailure = new Stopwatch();

        await Assert.ThrowsAsync<System.IO.IOException>(() => ContrailServerTelemetry.TraceClientStreamingAsync<string, string>(
            recorder.Method, null!, context, (_, _) =>
            {
                // As Kestrel does: the cancellation is queued to the thread pool, after the failed read.
                ThreadPool.QueueUserWorkItem(_ =>
                {
                    Thread.Sleep(20);
                    cancellation.Cancel();
                });
                sinceFailure.Start();
                throw new System.IO.IOException("The client reset the request stream.");
            }));
        var waited = sinceFailure.Elapsed;

        var span = Assert.Single(recorder.Spans);
        Assert.Equal("CANCELLED", span.GetTagItem("rpc.response.status_code"));
        Assert.Null(span.GetTagItem("error.type"));
        Assert.Empty(span.Events);
        Assert.True(span.Duration < waited, $"the span ends at the failure ({span.Duration}), not after the wait ({waited})");
        Assert.True(Assert.Single(recorder.Durations).Seconds < waited.TotalSeconds);
    }

    [Fact]
    public async Task An_IOException_without_cancellation_is_UNKNOWN_after_the_grace_period()
    {
        using var recorder = new Recorder(nameof(An_IOException_without_cancellation_is_UNKNOWN_after_the_grace_period));
        using var cancellation = new CancellationTokenSource();
        var context = new TestCallContext { CancellationTokenValue = cancellation.Token };

        await Assert.ThrowsAsync<System.IO.IOException>(() => ContrailServerTelemetry.TraceDuplexStreamingAsync<string, string>(
            recorder.Method, null!, null!, context, (_, _, _) => throw new System.IO.IOException("disk full")));

        var span = Assert.Single(recorder.Spans);
        Assert.Equal("UNKNOWN", span.GetTagItem("rpc.response.status_code"));
        Assert.Equal("System.IO.IOException", span.GetTagItem("error.type"));
    }

    [Fact]
    public async Task A_call_past_its_deadline_is_DEADLINE_EXCEEDED_a_server_error()
    {
        using var recorder = new Recorder(nameof(A_call_past_its_deadline_is_DEADLINE_EXCEEDED_a_server_error));
        var context = new TestCallContext { CancellationTokenValue = new CancellationToken(canceled: true), DeadlineValue = DateTime.UtcNow.AddSeconds(-1) };

        await Assert.ThrowsAsync<OperationCanceledException>(() => ContrailServerTelemetry.TraceClientStreamingAsync<string, string>(
            recorder.Method, null!, context, (_, _) => throw new OperationCanceledException()));

        var span = Assert.Single(recorder.Spans);
        Assert.Equal("DEADLINE_EXCEEDED", span.GetTagItem("rpc.response.status_code"));
        Assert.Equal("DEADLINE_EXCEEDED", span.GetTagItem("error.type"));
    }

    [Fact]
    public async Task A_handler_that_returns_no_message_is_recorded_as_the_server_reports_it()
    {
        using var recorder = new Recorder(nameof(A_handler_that_returns_no_message_is_recorded_as_the_server_reports_it));

        var response = await ContrailServerTelemetry.TraceUnaryAsync<string, string>(recorder.Method, "request", new TestCallContext(), (_, _) => Task.FromResult<string>(null!), enrichRequest: null);

        Assert.Null(response);
        var span = Assert.Single(recorder.Spans);
        Assert.Equal("CANCELLED", span.GetTagItem("rpc.response.status_code"));
    }

    [Fact]
    public async Task The_request_enricher_sees_the_method_id_and_a_failing_one_never_fails_the_call()
    {
        using var recorder = new Recorder(nameof(The_request_enricher_sees_the_method_id_and_a_failing_one_never_fails_the_call), id: 7);

        await ContrailServerTelemetry.TraceUnaryAsync(recorder.Method, "ord-1", new TestCallContext(), (_, _) => Task.FromResult("ok"),
            (id, activity, request) => activity.SetTag("app.order_id", id + ":" + request));
        await ContrailServerTelemetry.TraceUnaryAsync(recorder.Method, "ord-2", new TestCallContext(), (_, _) => Task.FromResult("ok"),
            (_, _, _) => throw new InvalidOperationException("enricher bug"));

        Assert.Equal(new object?[] { "7:ord-1", null }, recorder.Spans.Select(s => s.GetTagItem("app.order_id")));
        Assert.All(recorder.Spans, s => Assert.Equal("OK", s.GetTagItem("rpc.response.status_code")));
    }

    [Fact]
    public async Task A_caller_traceparent_header_parents_the_server_span()
    {
        using var recorder = new Recorder(nameof(A_caller_traceparent_header_parents_the_server_span));
        var headers = new Metadata { { "traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01" } };

        await ContrailServerTelemetry.TraceUnaryAsync(recorder.Method, "request", new TestCallContext { RequestHeadersValue = headers }, (_, _) => Task.FromResult("ok"), enrichRequest: null);

        var span = Assert.Single(recorder.Spans);
        Assert.Equal("0af7651916cd43dd8448eb211c80319c", span.TraceId.ToHexString());
        Assert.Equal("b7ad6b7169203331", span.ParentSpanId.ToHexString());
        Assert.True(span.HasRemoteParent);
    }

    [Fact]
    public async Task The_call_duration_is_recorded_in_seconds_with_the_status_and_error_type()
    {
        using var recorder = new Recorder(nameof(The_call_duration_is_recorded_in_seconds_with_the_status_and_error_type));

        await Assert.ThrowsAsync<RpcException>(() => ContrailServerTelemetry.TraceUnaryAsync<string, string>(
            recorder.Method, "request", new TestCallContext(), (_, _) => throw new RpcException(new Status(StatusCode.Internal, "bug")), enrichRequest: null));

        var (seconds, tags) = Assert.Single(recorder.Durations);
        Assert.InRange(seconds, 0, 60);
        Assert.Equal("grpc", tags["rpc.system.name"]);
        Assert.Equal("INTERNAL", tags["rpc.response.status_code"]);
        Assert.Equal("INTERNAL", tags["error.type"]);
    }

    [Fact]
    public void The_duration_histogram_advises_the_conventions_buckets()
    {
        Histogram<double>? duration = null;
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, _) =>
            {
                if (instrument.Meter.Name == ContrailServerTelemetry.InstrumentationName && instrument.Name == "rpc.server.call.duration")
                {
                    duration = (Histogram<double>)instrument;
                }
            },
        };
        listener.Start();
        _ = ContrailServerTelemetry.IsEnabled();

        Assert.NotNull(duration);
        Assert.Equal("s", duration!.Unit);
        Assert.Equal(
            RpcSemanticConventions.DurationBuckets.Split(", ").Select(b => double.Parse(b, System.Globalization.CultureInfo.InvariantCulture)),
            duration.Advice!.HistogramBucketBoundaries!);
    }

    [Fact]
    public void An_untraced_call_without_an_error_mapping_is_the_handlers_own_task()
    {
        var task = Task.FromResult("response");

        var passed = ContrailServerTelemetry.PassUnary<string, string>("request", new TestCallContext(), (_, _) => task);

        Assert.Same(task, passed);
    }

    /// <summary>Records the spans and durations of one test's service, through real listeners.</summary>
    private sealed class Recorder : IDisposable
    {
        private readonly ActivityListener _activities;
        private readonly MeterListener _meters;
        private readonly List<Activity> _spans = new();
        private readonly List<(double, Dictionary<string, object?>)> _durations = new();

        public Recorder(string testName, int id = 0)
        {
            Method = new RpcMethodTelemetry(id, Methods.Create("acme.test." + testName, "Call"), RpcSemanticConventions.DefaultServerErrorMask);
            _activities = new ActivityListener
            {
                ShouldListenTo = source => source.Name == ContrailServerTelemetry.InstrumentationName,
                Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
                ActivityStopped = activity =>
                {
                    if (activity.DisplayName == Method.RpcMethod)
                    {
                        lock (_spans)
                        {
                            _spans.Add(activity);
                        }
                    }
                },
            };
            ActivitySource.AddActivityListener(_activities);

            _meters = new MeterListener
            {
                InstrumentPublished = (instrument, listener) =>
                {
                    if (instrument.Meter.Name == ContrailServerTelemetry.InstrumentationName && instrument.Name == "rpc.server.call.duration")
                    {
                        listener.EnableMeasurementEvents(instrument);
                    }
                },
            };
            _meters.SetMeasurementEventCallback<double>((_, value, tags, _) =>
            {
                var recorded = new Dictionary<string, object?>();
                foreach (var tag in tags)
                {
                    recorded[tag.Key] = tag.Value;
                }

                if (Equals(recorded.GetValueOrDefault("rpc.method"), Method.RpcMethod))
                {
                    lock (_durations)
                    {
                        _durations.Add((value, recorded));
                    }
                }
            });
            _meters.Start();
        }

        public RpcMethodTelemetry Method { get; }

        public IReadOnlyList<Activity> Spans
        {
            get
            {
                lock (_spans)
                {
                    return _spans.ToArray();
                }
            }
        }

        public IReadOnlyList<(double Seconds, Dictionary<string, object?> Tags)> Durations
        {
            get
            {
                lock (_durations)
                {
                    return _durations.ToArray();
                }
            }
        }

        public void Dispose()
        {
            _activities.Dispose();
            _meters.Dispose();
        }
    }
}
