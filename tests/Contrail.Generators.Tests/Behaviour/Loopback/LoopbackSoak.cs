using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Grpc.Core;

namespace Contrail.Generators.Tests.Behaviour;

/// <summary>The soak's settings.</summary>
/// <param name="Calls">How many calls to make in all.</param>
/// <param name="Clients">How many clients, each with its own channel and HTTP/2 connection.</param>
/// <param name="CallsInFlightPerClient">How many calls each client keeps in flight.</param>
/// <param name="Seed">Seeds the choice of each call's kind and outcome (a function of the seed and the call's index).</param>
/// <param name="TimeLimit">No call starts after this; the soak reports a violation if it ends early.</param>
/// <param name="Deadline">The deadline's distance for <see cref="LoopbackOutcome.Deadline"/> calls.</param>
/// <param name="MemoryGrowthLimitBytes">The allowed growth of managed memory between warm-up and the end.</param>
internal sealed record LoopbackSoakOptions(
    int Calls,
    int Clients = 4,
    int CallsInFlightPerClient = 4,
    int Seed = 20261201,
    TimeSpan? TimeLimit = null,
    TimeSpan? Deadline = null,
    long MemoryGrowthLimitBytes = 10 * 1024 * 1024)
{
    /// <summary>Gets the share of calls after which memory is first measured. Half: on the 2-core build
    /// machine Kestrel's and the runtime's pools kept growing to about 22 MB until 60,000–120,000 calls
    /// in (the memory series of a 200,000-call run), then levelled off.</summary>
    public const double WarmUpShare = 0.5;

    /// <summary>How often each outcome is picked, out of 100: mostly successes, a steady share of every failure.</summary>
    public static readonly IReadOnlyList<(LoopbackOutcome Outcome, int Weight)> OutcomeWeights = new[]
    {
        (LoopbackOutcome.Ok, 64),
        (LoopbackOutcome.RpcException, 6),
        (LoopbackOutcome.MappedError, 6),
        (LoopbackOutcome.UnmappedException, 6),
        (LoopbackOutcome.CallerCancel, 6),
        (LoopbackOutcome.Deadline, 4),
        (LoopbackOutcome.ClientAbort, 4),
        (LoopbackOutcome.ServerAbort, 4),
    };

    /// <summary>Gets the time limit, 100 seconds by default.</summary>
    public TimeSpan EffectiveTimeLimit => TimeLimit ?? TimeSpan.FromSeconds(100);

    /// <summary>Gets the deadline's distance, 20 ms by default: short, but long enough for the handler to start first.</summary>
    public TimeSpan EffectiveDeadline => Deadline ?? TimeSpan.FromMilliseconds(20);
}

/// <summary>What the soak counted, and what it found wrong.</summary>
internal sealed class LoopbackSoakResult
{
    public required LoopbackSoakOptions Options { get; init; }

    public required long Calls { get; init; }

    /// <summary>Gets the calls that reached the server's gRPC pipeline (the rest ended before the server saw them).</summary>
    public required long CallsReceived { get; init; }

    public required TimeSpan WallTime { get; init; }

    public required long SpansStarted { get; init; }

    public required long SpansStopped { get; init; }

    public required long HistogramCount { get; init; }

    public required int SpansOpen { get; init; }

    public required int UnobservedTaskExceptions { get; init; }

    public required long MemoryAfterWarmUp { get; init; }

    public required long MemoryAtEnd { get; init; }

    /// <summary>Gets managed memory after each tenth of the calls: a leak grows with the calls, a pool levels off.</summary>
    public required IReadOnlyList<(long Calls, long Bytes)> MemorySeries { get; init; }

    /// <summary>Gets the calls made per kind and outcome, and what the client ended with.</summary>
    public required IReadOnlyDictionary<(RpcKind Kind, LoopbackOutcome Outcome, StatusCode Client), long> ClientCounts { get; init; }

    /// <summary>Gets the server spans per method, outcome tag, recorded status and error type.</summary>
    public required IReadOnlyDictionary<(string Method, string Outcome, string Status, string ErrorType), long> ServerCounts { get; init; }

    /// <summary>Gets how many deadline calls the server recorded as CANCELLED: the client's reset beat the server's own deadline.</summary>
    public required long DeadlineSeenAsCancelSpans { get; init; }

    public required IReadOnlyList<string> Violations { get; init; }

    /// <summary>Prints the figures, one per line.</summary>
    public string FormatSummary()
    {
        var text = new StringBuilder();
        void Line(string format, params object[] args) => text.AppendLine(string.Format(CultureInfo.InvariantCulture, format, args));

        Line("seed                 {0}", Options.Seed);
        Line("clients              {0} x {1} calls in flight", Options.Clients, Options.CallsInFlightPerClient);
        Line("calls                {0:N0} (requested {1:N0})", Calls, Options.Calls);
        Line("calls received       {0:N0} (the rest ended on the client before the server saw them)", CallsReceived);
        Line("wall time            {0:N2} s", WallTime.TotalSeconds);
        Line("calls/s              {0:N0}", Calls / WallTime.TotalSeconds);
        Line("spans started        {0:N0}", SpansStarted);
        Line("spans stopped        {0:N0}", SpansStopped);
        Line("histogram count      {0:N0}", HistogramCount);
        Line("spans left open      {0}", SpansOpen);
        Line("unobserved task exc. {0}", UnobservedTaskExceptions);
        Line("memory after warm-up {0:N0} B", MemoryAfterWarmUp);
        Line("memory at end        {0:N0} B ({1:+#,0;-#,0;0} B, limit {2:N0} B)", MemoryAtEnd, MemoryAtEnd - MemoryAfterWarmUp, Options.MemoryGrowthLimitBytes);
        Line("memory by calls      {0}", string.Join(", ", MemorySeries.Select(m => string.Format(CultureInfo.InvariantCulture, "{0:N0}: {1:N1} MB", m.Calls, m.Bytes / 1048576.0))));
        Line("calls by kind/outcome (client status):");
        foreach (var group in ClientCounts.OrderBy(c => c.Key.Kind).ThenBy(c => c.Key.Outcome).ThenBy(c => c.Key.Client))
        {
            Line("  {0,-16} {1,-18} {2,-17} {3,8:N0}", group.Key.Kind, group.Key.Outcome, group.Key.Client, group.Value);
        }

        Line("server spans by method/outcome (recorded status):");
        foreach (var group in ServerCounts.OrderBy(c => c.Key.Method, StringComparer.Ordinal).ThenBy(c => c.Key.Outcome, StringComparer.Ordinal).ThenBy(c => c.Key.Status, StringComparer.Ordinal))
        {
            Line("  {0,-32} {1,-18} {2,-17} {3,8:N0}  {4}", group.Key.Method, group.Key.Outcome, group.Key.Status, group.Value, group.Key.ErrorType);
        }

        if (DeadlineSeenAsCancelSpans > 0)
        {
            Line("deadline calls the server saw cancelled first: {0:N0} (recorded CANCELLED: the client's reset arrived before the server's own deadline)", DeadlineSeenAsCancelSpans);
        }

        Line(Violations.Count == 0 ? "no violations" : "VIOLATIONS:");
        foreach (var violation in Violations)
        {
            Line("  {0}", violation);
        }

        return text.ToString();
    }
}

/// <summary>
/// A bounded soak over Kestrel h2c loopback: concurrent clients make a seeded mix of calls of the
/// four kinds and every <see cref="LoopbackOutcome"/>, while an <see cref="ActivityListener"/>, a
/// <see cref="MeterListener"/> and <see cref="TaskScheduler.UnobservedTaskException"/> count what the
/// generated telemetry does. Shared by the short test and the full run in <c>benchmarks/Contrail.Soak</c>.
/// </summary>
internal static class LoopbackSoak
{
    private const string RpcMethodTag = "rpc.method";
    private const string StatusTag = "rpc.response.status_code";

    /// <summary>Runs the soak; the result lists every violation (empty when all held).</summary>
    public static async Task<LoopbackSoakResult> RunAsync(LoopbackSoakOptions options)
    {
        var counter = new TelemetryCounter();
        var unobserved = new ConcurrentQueue<Exception>();
        void OnUnobserved(object? sender, UnobservedTaskExceptionEventArgs e) => unobserved.Enqueue(e.Exception);
        TaskScheduler.UnobservedTaskException += OnUnobserved;
        try
        {
            // The soak resets streams (cancellations, aborts, deadlines) far faster than real clients, and on
            // two cores the server finishes them late: with Kestrel's default limit its rapid-reset guard
            // refuses a few percent of new calls before the app runs (observed: ENHANCE_YOUR_CALM, then
            // RESOURCE_EXHAUSTED or UNAVAILABLE on the client, no server span). Those calls never reach
            // Contrail; a higher limit keeps every call in the count.
            await using var host = await KestrelLoopbackHost.StartAsync<LoopbackShopService>(maxStreamsPerConnection: 1000);
            var clients = Enumerable.Range(0, options.Clients).Select(_ => host.CreateClient()).ToArray();
            try
            {
                return await DriveAsync(options, host, clients, counter, unobserved);
            }
            finally
            {
                foreach (var client in clients)
                {
                    client.Dispose();
                }
            }
        }
        finally
        {
            TaskScheduler.UnobservedTaskException -= OnUnobserved;
            counter.Dispose();
        }
    }

    /// <summary>The kind and outcome of call <paramref name="index"/>: the same for a seed whatever the scheduling.</summary>
    public static (RpcKind Kind, LoopbackOutcome Outcome) Choose(int seed, long index)
    {
        var bits = SplitMix64(unchecked(((ulong)(uint)seed << 32) ^ (ulong)index));
        var kind = (RpcKind)(int)(bits % 4);
        var roll = (int)((bits >> 8) % 100);
        foreach (var (outcome, weight) in LoopbackSoakOptions.OutcomeWeights)
        {
            if (roll < weight)
            {
                return (kind, outcome);
            }

            roll -= weight;
        }

        return (kind, LoopbackOutcome.Ok);
    }

    private static async Task<LoopbackSoakResult> DriveAsync(LoopbackSoakOptions options, KestrelLoopbackHost host, LoopbackClient[] clients, TelemetryCounter counter, ConcurrentQueue<Exception> unobserved)
    {
        var clientCounts = new ConcurrentDictionary<(RpcKind, LoopbackOutcome, StatusCode), long>();
        var warmUpCalls = (long)(options.Calls * LoopbackSoakOptions.WarmUpShare);
        var memoryAfterWarmUp = 0L;
        var warmUpMeasured = 0;
        var tenth = Math.Max(1, options.Calls / 10);
        var memorySeries = new ConcurrentQueue<(long Calls, long Bytes)>();
        var next = -1L;
        var completed = 0L;
        var stopwatch = Stopwatch.StartNew();
        var timeLimit = options.EffectiveTimeLimit;
        var deadline = options.EffectiveDeadline;

        async Task WorkAsync(LoopbackClient client)
        {
            // Off the caller's context: no caller span, and no synchronization context to return to.
            await Task.Yield();
            long index;
            while ((index = Interlocked.Increment(ref next)) < options.Calls && stopwatch.Elapsed < timeLimit)
            {
                var (kind, outcome) = Choose(options.Seed, index);
                var status = (await LoopbackCalls.InvokeAsync(client.Client, kind, outcome, deadline).ConfigureAwait(false)).StatusCode;
                clientCounts.AddOrUpdate((kind, outcome, status), 1, static (_, count) => count + 1);
                var done = Interlocked.Increment(ref completed);
                if (done >= warmUpCalls && Interlocked.Exchange(ref warmUpMeasured, 1) == 0)
                {
                    memoryAfterWarmUp = GC.GetTotalMemory(forceFullCollection: true);
                }

                if (done % tenth == 0)
                {
                    memorySeries.Enqueue((done, GC.GetTotalMemory(forceFullCollection: true)));
                }
            }
        }

        await Task.WhenAll(clients.SelectMany(client => Enumerable.Range(0, options.CallsInFlightPerClient).Select(_ => WorkAsync(client))));
        var calls = Interlocked.Read(ref completed);

        // The server ends a span when its handler sees the cancellation, which can be after the client
        // has its status: wait (bounded) until every call the server received has ended its span and
        // recorded its duration.
        var drainUntil = Stopwatch.StartNew();
        while ((counter.Stopped < host.Witness.Total || counter.Measurements < host.Witness.Total || !counter.Open.IsEmpty) && drainUntil.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(10);
        }

        // And a little longer, so a span or measurement too many would show.
        await Task.Delay(100);
        var wallTime = stopwatch.Elapsed;

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var memoryAtEnd = GC.GetTotalMemory(forceFullCollection: true);

        var violations = new List<string>();
        if (calls < options.Calls)
        {
            violations.Add($"only {calls} of {options.Calls} calls made within the time limit of {timeLimit.TotalSeconds} s");
        }

        var received = host.Witness.Total;
        if (counter.Started != received || counter.Stopped != received || counter.Measurements != received)
        {
            violations.Add($"calls received {received}, spans started {counter.Started}, spans stopped {counter.Stopped}, histogram count {counter.Measurements}: not all equal");
        }

        // Only a call that ends on the client's side (its deadline or its caller) can end before the server sees it.
        foreach (var outcome in Enum.GetValues<LoopbackOutcome>())
        {
            var made = clientCounts.Where(c => c.Key.Item2 == outcome).Sum(c => c.Value);
            var seen = host.Witness.Calls.TryGetValue(outcome.ToString(), out var count) ? count : 0;
            if (seen > made || (seen < made && !LoopbackCalls.EndsOnTheClient(outcome)))
            {
                violations.Add($"{outcome}: {made} calls made, {seen} received by the server");
            }
        }

        foreach (var open in counter.Open.Keys.Take(10))
        {
            violations.Add($"span left open: {open.DisplayName} outcome {open.GetTagItem(LoopbackShopService.OutcomeTag)}, started {open.StartTimeUtc:O}");
        }

        foreach (var exception in unobserved.Take(10))
        {
            violations.Add($"unobserved task exception: {exception.GetType().FullName}: {exception.InnerException?.GetType().FullName}: {exception.InnerException?.Message}");
        }

        if (memoryAtEnd - memoryAfterWarmUp > options.MemoryGrowthLimitBytes)
        {
            violations.Add($"managed memory grew by {memoryAtEnd - memoryAfterWarmUp} B after warm-up, over the limit of {options.MemoryGrowthLimitBytes} B");
        }

        var deadlineSeenAsCancelSpans = 0L;
        foreach (var ((method, outcome, status, errorType), count) in counter.ServerCounts)
        {
            var expected = Enum.TryParse<LoopbackOutcome>(outcome, out var parsed)
                ? ContrailStatusName(LoopbackCalls.ExpectedServerStatus(parsed))
                : null;
            if (status == expected)
            {
                continue;
            }

            if (parsed == LoopbackOutcome.Deadline && status == "CANCELLED")
            {
                // The client's deadline fired and reset the stream before the server's own deadline (which
                // starts when the request arrives, so a little later): from the server's view the caller cancelled.
                deadlineSeenAsCancelSpans += count;
                continue;
            }

            violations.Add($"{count} {method} spans of outcome {outcome} recorded {status} ({errorType}), expected {expected ?? "an outcome tag"}");
        }

        return new LoopbackSoakResult
        {
            Options = options,
            Calls = calls,
            CallsReceived = received,
            WallTime = wallTime,
            SpansStarted = counter.Started,
            SpansStopped = counter.Stopped,
            HistogramCount = counter.Measurements,
            SpansOpen = counter.Open.Count,
            UnobservedTaskExceptions = unobserved.Count,
            MemoryAfterWarmUp = memoryAfterWarmUp,
            MemoryAtEnd = memoryAtEnd,
            MemorySeries = memorySeries.OrderBy(m => m.Calls).ToList(),
            ClientCounts = clientCounts.ToDictionary(c => c.Key, c => c.Value),
            ServerCounts = counter.ServerCounts.ToDictionary(c => c.Key, c => c.Value),
            DeadlineSeenAsCancelSpans = deadlineSeenAsCancelSpans,
            Violations = violations,
        };
    }

    /// <summary>The conventions' status name (OK, NOT_FOUND, …) for a code.</summary>
    private static string ContrailStatusName(StatusCode code) => code switch
    {
        StatusCode.OK => "OK",
        StatusCode.Cancelled => "CANCELLED",
        StatusCode.Unknown => "UNKNOWN",
        StatusCode.DeadlineExceeded => "DEADLINE_EXCEEDED",
        StatusCode.NotFound => "NOT_FOUND",
        StatusCode.Unavailable => "UNAVAILABLE",
        _ => code.ToString(),
    };

    private static ulong SplitMix64(ulong x)
    {
        x += 0x9E3779B97F4A7C15UL;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }

    /// <summary>Counts spans and duration measurements from <c>Contrail.Grpc.Server</c>, keeping only the open spans.</summary>
    private sealed class TelemetryCounter : IDisposable
    {
        private const string SourceName = "Contrail.Grpc.Server";
        private readonly ActivityListener _activities;
        private readonly MeterListener _meters;
        private long _started;
        private long _stopped;
        private long _measurements;

        public TelemetryCounter()
        {
            _activities = new ActivityListener
            {
                ShouldListenTo = source => source.Name == SourceName,
                Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
                ActivityStarted = activity =>
                {
                    Interlocked.Increment(ref _started);
                    Open.TryAdd(activity, 0);
                },
                ActivityStopped = activity =>
                {
                    Interlocked.Increment(ref _stopped);
                    Open.TryRemove(activity, out _);
                    var key = (activity.GetTagItem(RpcMethodTag) as string ?? "?", activity.GetTagItem(LoopbackShopService.OutcomeTag) as string ?? "?", activity.GetTagItem(StatusTag) as string ?? "?", activity.GetTagItem("error.type") as string ?? "");
                    ServerCounts.AddOrUpdate(key, 1, static (_, count) => count + 1);
                },
            };
            ActivitySource.AddActivityListener(_activities);

            _meters = new MeterListener
            {
                InstrumentPublished = (instrument, listener) =>
                {
                    if (instrument.Meter.Name == SourceName && instrument.Name == "rpc.server.call.duration")
                    {
                        listener.EnableMeasurementEvents(instrument);
                    }
                },
            };
            _meters.SetMeasurementEventCallback<double>((_, _, _, _) => Interlocked.Increment(ref _measurements));
            _meters.Start();
        }

        public long Started => Interlocked.Read(ref _started);

        public long Stopped => Interlocked.Read(ref _stopped);

        public long Measurements => Interlocked.Read(ref _measurements);

        /// <summary>Gets the spans started and not yet stopped.</summary>
        public ConcurrentDictionary<Activity, byte> Open { get; } = new();

        public ConcurrentDictionary<(string Method, string Outcome, string Status, string ErrorType), long> ServerCounts { get; } = new();

        public void Dispose()
        {
            _activities.Dispose();
            _meters.Dispose();
        }
    }
}
