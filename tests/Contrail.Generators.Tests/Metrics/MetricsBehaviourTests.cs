using System;
using System.Collections.Generic;
using System.Diagnostics.Metrics;
using System.Linq;
using Contrail.Generators.Tests.Behaviour;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using Xunit;

namespace Contrail.Generators.Tests.Metrics;

/// <summary>The generated instruments as a <see cref="MeterListener"/> and the OpenTelemetry SDK see them.</summary>
[Collection(TelemetryCollection.Name)]
public sealed class MetricsBehaviourTests
{
    [Fact]
    public void A_counter_without_a_value_adds_one_with_typed_tags()
    {
        using var capture = new MeasurementCapture(StaticShopMetrics.MeterName);

        StaticShopMetrics.OrderPlaced(PaymentMethod.BankTransfer, "eu-west", firstOrder: true, shard: 7);
        StaticShopMetrics.OrderPlaced((PaymentMethod)42, "us-east", firstOrder: false, shard: 5000);

        Assert.Equal(2, capture.Measurements.Count);
        var first = capture.Measurements[0];
        Assert.Equal("acme.shop.orders.placed", first.Instrument.Name);
        Assert.Equal("{order}", first.Instrument.Unit);
        Assert.Equal("Orders accepted.", first.Instrument.Description);
        Assert.Equal("2.0", first.Instrument.Meter.Version);
        Assert.Equal(1L, first.Value);
        Assert.Equal(new Dictionary<string, object?>
        {
            ["method"] = "BankTransfer",
            ["acme.shop.region"] = "eu-west",
            ["first_order"] = true,
            ["shard"] = 7L,
        }, first.Tags);

        // A value without a member is recorded as its number; a large integral tag is boxed as a long too.
        Assert.Equal("42", capture.Measurements[1].Tags["method"]);
        Assert.Equal(5000L, capture.Measurements[1].Tags["shard"]);
        Assert.Equal(false, capture.Measurements[1].Tags["first_order"]);
    }

    [Fact]
    public void A_protobuf_enum_tag_is_recorded_by_its_name_in_the_proto()
    {
        using var capture = new MeasurementCapture(StaticShopMetrics.MeterName);

        StaticShopMetrics.CustomerSeen(Acme.Shop.V1.Tier.Gold);

        Assert.Equal("TIER_GOLD", Assert.Single(capture.Measurements).Tags["tier"]);
    }

    [Fact]
    public void A_histogram_records_its_value_with_the_tags_of_a_tag_record()
    {
        using var capture = new MeasurementCapture(StaticShopMetrics.MeterName);

        StaticShopMetrics.CheckoutDuration(0.25, new CheckoutTags(PaymentMethod.Wallet, "ap-south"));

        var measurement = Assert.Single(capture.Measurements);
        Assert.Equal("acme.shop.checkout.duration", measurement.Instrument.Name);
        Assert.IsType<Histogram<double>>(measurement.Instrument);
        Assert.Equal(0.25, measurement.Value);
        Assert.Equal(new Dictionary<string, object?> { ["method"] = "Wallet", ["acme.shop.region"] = "ap-south" }, measurement.Tags);
    }

    [Fact]
    public void Nothing_is_recorded_when_nobody_listens()
    {
        using (var capture = new MeasurementCapture(StaticShopMetrics.MeterName))
        {
            StaticShopMetrics.ItemsSold(3, PaymentMethod.Card);
            Assert.Single(capture.Measurements);
        }

        using var other = new MeasurementCapture("Some.Other.Meter");
        StaticShopMetrics.ItemsSold(3, PaymentMethod.Card);
        Assert.Empty(other.Measurements);
    }

    [Fact]
    public void Each_meter_factory_gets_its_own_meter_so_tests_can_isolate_measurements()
    {
        using var first = new ServiceCollection().AddMetrics().BuildServiceProvider();
        using var second = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var firstMetrics = new InventoryMetrics(first.GetRequiredService<IMeterFactory>());
        var secondMetrics = new InventoryMetrics(second.GetRequiredService<IMeterFactory>());
        var firstFactory = first.GetRequiredService<IMeterFactory>();

        using var capture = new MeasurementCapture(InventoryMetrics.MeterName, instrument => instrument.Meter.Scope == firstFactory);
        firstMetrics.Reserved(4, "north");
        firstMetrics.Reserved(-1, "north");
        secondMetrics.Reserved(100, "south");
        firstMetrics.Temperature(3.5, "north");

        Assert.Equal(new object[] { 4, -1, 3.5 }, capture.Measurements.Select(m => m.Value));
        Assert.All(capture.Measurements, m => Assert.Equal("north", m.Tags["warehouse"]));
        Assert.IsType<UpDownCounter<int>>(capture.Measurements[0].Instrument);
        Assert.IsType<Gauge<double>>(capture.Measurements[2].Instrument);
        Assert.Throws<ArgumentNullException>(() => new InventoryMetrics(null!));
    }

    [Fact]
    public void An_observable_callback_is_registered_once_and_read_on_collection()
    {
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var factory = services.GetRequiredService<IMeterFactory>();
        var metrics = new InventoryMetrics(factory);
        var depth = 12;

        var gauge = metrics.QueueDepth(() => depth);

        Assert.Equal("acme.inventory.queue.depth", gauge.Name);
        Assert.Throws<InvalidOperationException>(() => metrics.QueueDepth(() => 0));
        using var capture = new MeasurementCapture(InventoryMetrics.MeterName, instrument => instrument.Meter.Scope == factory);
        capture.Listener.RecordObservableInstruments();
        depth = 13;
        capture.Listener.RecordObservableInstruments();
        Assert.Equal(new object[] { 12, 13 }, capture.Measurements.Select(m => m.Value));
    }

    [Fact]
    public void The_SDK_exports_values_tags_units_and_the_advised_buckets()
    {
        var exported = new List<ExportedPoint>();
        using (var provider = Sdk.CreateMeterProviderBuilder()
            .AddMeter(StaticShopMetrics.MeterName)
            .AddReader(new BaseExportingMetricReader(new PointExporter(exported)))
            .Build())
        {
            StaticShopMetrics.OrderPlaced(PaymentMethod.Card, "eu-west", firstOrder: false, shard: 1);
            StaticShopMetrics.OrderPlaced(PaymentMethod.Card, "eu-west", firstOrder: false, shard: 1);
            StaticShopMetrics.CheckoutDuration(0.3, new CheckoutTags(PaymentMethod.Card, "eu-west"));
            StaticShopMetrics.CheckoutDuration(2, new CheckoutTags(PaymentMethod.Card, "eu-west"));
            provider.ForceFlush();
            exported = exported.ToList();
        }

        var orders = Assert.Single(exported, p => p.Name == "acme.shop.orders.placed");
        Assert.Equal("{order}", orders.Unit);
        Assert.Equal(MetricType.LongSum, orders.Type);
        Assert.Equal(2, orders.Sum);
        Assert.Equal("Card", orders.Tags["method"]);
        Assert.Equal("eu-west", orders.Tags["acme.shop.region"]);
        Assert.Equal(false, orders.Tags["first_order"]);
        Assert.Equal(1L, orders.Tags["shard"]);

        var duration = Assert.Single(exported, p => p.Name == "acme.shop.checkout.duration");
        Assert.Equal("s", duration.Unit);
        Assert.Equal(MetricType.Histogram, duration.Type);
        Assert.Equal(2.3, duration.Sum, 6);
        Assert.Equal(new[] { 0.1, 0.5, 1, 5, double.PositiveInfinity }, duration.Bounds);
        Assert.Equal(new long[] { 0, 1, 0, 1, 0 }, duration.BucketCounts);
    }

    [Fact]
    public void Recording_allocates_nothing_with_a_listener_and_without_one()
    {
        const int Calls = 10_000;
        var tags = new CheckoutTags(PaymentMethod.Wallet, "eu-west");

        void RecordMany()
        {
            for (var i = 0; i < Calls; i++)
            {
                StaticShopMetrics.OrderPlaced(PaymentMethod.BankTransfer, "eu-west", firstOrder: (i & 1) == 0, shard: i & 511);
                StaticShopMetrics.CheckoutDuration(0.25, tags);
                StaticShopMetrics.EightTags(PaymentMethod.Card, "eu-west", gift: true, shard: 3, "web", "gold", "EUR", cohort: 1023);
            }
        }

        long listened;
        var count = 0L;
        using (var listener = new MeterListener())
        {
            listener.InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == StaticShopMetrics.MeterName)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            };
            listener.SetMeasurementEventCallback<long>((_, value, _, _) => count += value);
            listener.SetMeasurementEventCallback<double>((_, _, _, _) => count++);
            listener.Start();

            RecordMany();
            var before = GC.GetAllocatedBytesForCurrentThread();
            RecordMany();
            listened = GC.GetAllocatedBytesForCurrentThread() - before;
        }

        Assert.Equal(6L * Calls, count);
        RecordMany();
        var start = GC.GetAllocatedBytesForCurrentThread();
        RecordMany();
        var unlistened = GC.GetAllocatedBytesForCurrentThread() - start;

        Assert.Equal(0, listened);
        Assert.Equal(0, unlistened);
    }

    private sealed record CapturedMeasurement(Instrument Instrument, object Value, Dictionary<string, object?> Tags);

    /// <summary>A real <see cref="MeterListener"/> on one meter, keeping every measurement in order.</summary>
    private sealed class MeasurementCapture : IDisposable
    {
        public MeasurementCapture(string meterName, Func<Instrument, bool>? filter = null)
        {
            Listener = new MeterListener
            {
                InstrumentPublished = (instrument, listener) =>
                {
                    if (instrument.Meter.Name == meterName && (filter is null || filter(instrument)))
                    {
                        listener.EnableMeasurementEvents(instrument);
                    }
                },
            };
            Listener.SetMeasurementEventCallback<int>((i, v, t, _) => Add(i, v, t));
            Listener.SetMeasurementEventCallback<long>((i, v, t, _) => Add(i, v, t));
            Listener.SetMeasurementEventCallback<double>((i, v, t, _) => Add(i, v, t));
            Listener.Start();
        }

        public MeterListener Listener { get; }

        public List<CapturedMeasurement> Measurements { get; } = new();

        public void Dispose() => Listener.Dispose();

        private void Add(Instrument instrument, object value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            lock (Measurements)
            {
                Measurements.Add(new CapturedMeasurement(instrument, value, tags.ToArray().ToDictionary(t => t.Key, t => t.Value)));
            }
        }
    }

    private sealed record ExportedPoint(string Name, string Unit, MetricType Type, double Sum, double[] Bounds, long[] BucketCounts, Dictionary<string, object?> Tags);

    private sealed class PointExporter(List<ExportedPoint> points) : BaseExporter<Metric>
    {
        public override ExportResult Export(in Batch<Metric> batch)
        {
            foreach (var metric in batch)
            {
                foreach (ref readonly var point in metric.GetMetricPoints())
                {
                    var tags = new Dictionary<string, object?>();
                    foreach (var tag in point.Tags)
                    {
                        tags[tag.Key] = tag.Value;
                    }

                    var bounds = new List<double>();
                    var counts = new List<long>();
                    double sum;
                    if (metric.MetricType == MetricType.Histogram)
                    {
                        foreach (var bucket in point.GetHistogramBuckets())
                        {
                            bounds.Add(bucket.ExplicitBound);
                            counts.Add(bucket.BucketCount);
                        }

                        sum = point.GetHistogramSum();
                    }
                    else
                    {
                        sum = metric.MetricType == MetricType.LongSum ? point.GetSumLong() : point.GetSumDouble();
                    }

                    points.Add(new ExportedPoint(metric.Name, metric.Unit, metric.MetricType, sum, bounds.ToArray(), counts.ToArray(), tags));
                }
            }

            return ExportResult.Success;
        }
    }
}
