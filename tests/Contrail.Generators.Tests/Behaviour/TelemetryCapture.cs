using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;

namespace Contrail.Generators.Tests.Behaviour;

/// <summary>Collects the spans and duration measurements the generated code records, through a real
/// <see cref="ActivityListener"/> and <see cref="MeterListener"/>.</summary>
internal sealed class TelemetryCapture : IDisposable
{
    public const string SourceName = "Contrail.Grpc.Server";
    private const string CallerSourceName = "Contrail.Tests.Caller";

    private readonly ActivityListener _activityListener;
    private readonly MeterListener _meterListener;

    public TelemetryCapture(bool listenToAspNetCore = false, bool listenToContrail = true)
    {
        _activityListener = new ActivityListener
        {
            ShouldListenTo = source => (listenToContrail && source.Name == SourceName) || (listenToAspNetCore && source.Name == "Microsoft.AspNetCore") || source.Name == CallerSourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (activity.Source.Name == SourceName)
                {
                    Spans.Add(activity);
                }
                else if (activity.Source.Name == "Microsoft.AspNetCore")
                {
                    RequestSpans.Add(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(_activityListener);

        _meterListener = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == SourceName)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        _meterListener.SetMeasurementEventCallback<double>((instrument, value, tags, _) =>
            Measurements.Add(new Measurement(instrument.Name, instrument.Unit, value, tags.ToArray().ToDictionary(t => t.Key, t => t.Value))));
        _meterListener.Start();
    }

    /// <summary>A source for the tests' own "caller" spans.</summary>
    public static readonly ActivitySource TestSource = new(CallerSourceName);

    public ConcurrentBag<Activity> Spans { get; } = new();

    /// <summary>ASP.NET Core's request spans, when listened to.</summary>
    public ConcurrentBag<Activity> RequestSpans { get; } = new();

    public ConcurrentBag<Measurement> Measurements { get; } = new();

    public Activity SingleSpan() => Assert.Single(Spans);

    public Measurement SingleMeasurement(string name = "rpc.server.call.duration") =>
        Assert.Single(Measurements, m => m.Name == name);

    public void Dispose()
    {
        _activityListener.Dispose();
        _meterListener.Dispose();
    }

    public sealed record Measurement(string Name, string? Unit, double Value, Dictionary<string, object?> Tags);

    private static class Assert
    {
        public static T Single<T>(IEnumerable<T> items) => Xunit.Assert.Single(items);

        public static T Single<T>(IEnumerable<T> items, Func<T, bool> predicate) => Xunit.Assert.Single(items, x => predicate(x));
    }
}
