using System;
using System.IO;
using System.Linq;
using Xunit;

namespace Contrail.Package.Tests;

/// <summary>Typed metrics through the packed package: generated, analyzed, recorded, and listed in the manifest.</summary>
[Collection(PackedContrailCollection.Name)]
public sealed class MetricsPackageTests
{
    private readonly PackedContrail _package;

    public MetricsPackageTests(PackedContrail package) => _package = package;

    [Fact]
    public void A_consumer_records_typed_metrics_and_carries_the_manifest()
    {
        using var consumer = Consumer.Create(_package, "MetricsConsumer", """
            using System.Diagnostics.Metrics;
            using System.Reflection;
            using Contrail;
            using MetricsConsumer;
            using Microsoft.Extensions.DependencyInjection;

            using var listener = new MeterListener
            {
                InstrumentPublished = (instrument, l) =>
                {
                    if (instrument.Meter.Name.StartsWith("Consumer.", StringComparison.Ordinal))
                    {
                        l.EnableMeasurementEvents(instrument);
                    }
                },
            };
            listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
                Console.WriteLine($"{instrument.Name} {value} {string.Join(",", tags.ToArray().Select(t => t.Key + "=" + t.Value))}"));
            listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) =>
                Console.WriteLine($"{instrument.Name} {value.ToString(System.Globalization.CultureInfo.InvariantCulture)} {instrument.Unit}"));
            listener.Start();

            ShopMetrics.OrderPlaced(PaymentMethod.Wallet, "eu-west");
            ShopMetrics.CheckoutDuration(0.5, PaymentMethod.Card);

            using var services = new ServiceCollection().AddMetrics().AddSingleton<CartMetrics>().BuildServiceProvider();
            services.GetRequiredService<CartMetrics>().ItemsAdded(3, isGift: true);

            Console.WriteLine(typeof(ShopMetrics).Assembly.GetCustomAttribute<MetricsManifestAttribute>()!.Json);

            namespace MetricsConsumer
            {
                public enum PaymentMethod { Card, Wallet }

                [Meter("Consumer.Shop")]
                public static partial class ShopMetrics
                {
                    [Counter("consumer.shop.orders.placed", Unit = "{order}")]
                    public static partial void OrderPlaced(PaymentMethod method, [Tag("consumer.shop.region")] string region);

                    [Histogram("consumer.shop.checkout.duration", Unit = "s", Buckets = new[] { 0.1, 1 })]
                    public static partial void CheckoutDuration(double seconds, PaymentMethod method);
                }

                [Meter("Consumer.Cart")]
                public sealed partial class CartMetrics
                {
                    [Counter("consumer.cart.items.added", Unit = "{item}")]
                    public partial void ItemsAdded(long count, bool isGift);
                }
            }
            """);

        var build = consumer.Run("build", "-c", "Release", "-warnaserror");
        Assert.True(build.ExitCode == 0, build.Output);
        var generated = Directory.GetFiles(consumer.Directory, "*.g.cs", SearchOption.AllDirectories).Select(Path.GetFileName).ToArray();
        Assert.Contains("MetricsConsumer.ShopMetrics.Contrail.Metrics.g.cs", generated);
        Assert.Contains("Contrail.MetricsManifest.g.cs", generated);

        var run = consumer.Run("run", "-c", "Release", "--no-build");
        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains("consumer.shop.orders.placed 1 method=Wallet,consumer.shop.region=eu-west", run.Output);
        Assert.Contains("consumer.shop.checkout.duration 0.5 s", run.Output);
        Assert.Contains("consumer.cart.items.added 3 is_gift=True", run.Output);
        Assert.Contains("\"name\":\"consumer.shop.orders.placed\",\"kind\":\"counter\"", run.Output);
    }

    [Fact]
    public void Metrics_misuse_fails_the_consumers_build_with_a_located_diagnostic()
    {
        using var consumer = Consumer.Create(_package, "MetricsMisuse", """
            using Contrail;

            namespace MetricsMisuse
            {
                [Meter("Consumer.Shop")]
                public static partial class ShopMetrics
                {
                    [Histogram("consumer.shop.checkout.duration", Unit = "s", Buckets = new[] { 1, 0.5 })]
                    public static partial void CheckoutDuration(double seconds);
                }

                public static class Program
                {
                    public static void Main() { }
                }
            }
            """);

        var build = consumer.Run("build", "-c", "Release");

        Assert.NotEqual(0, build.ExitCode);
        Assert.True(build.Output.Contains("Program.cs(8,10): error CTR3011: The buckets of 'CheckoutDuration' are not strictly ascending: 0.5 follows 1", StringComparison.Ordinal), build.Output);
        Assert.DoesNotContain("AD0001", build.Output);
        Assert.DoesNotContain("CS8785", build.Output);
    }
}
