using System;
using System.IO;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace Contrail.Cli.Tests.Metrics;

public sealed class MetricsListTests : IDisposable
{
    // What the generator writes (see the generator's Metrics/Manifest expected file), in its ordinal order.
    private const string Shop = """{"version":1,"instruments":[{"meter":"Acme.Shop","meterVersion":"1.0","name":"acme.shop.checkout.duration","kind":"histogram","valueType":"double","unit":"s","description":null,"tags":["method"],"buckets":[0.01,0.5,1],"source":"Acme.Shop.ShopMetrics.CheckoutDuration"},{"meter":"Acme.Shop","meterVersion":"1.0","name":"acme.shop.orders.placed","kind":"counter","valueType":"long","unit":"{order}","description":"Orders accepted.","tags":["acme.shop.region","method"],"buckets":null,"source":"Acme.Shop.ShopMetrics.OrderPlaced"}]}""";

    private const string Inventory = """{"version":1,"instruments":[{"meter":"Acme.Inventory","meterVersion":null,"name":"acme.inventory.queue.depth","kind":"observable_gauge","valueType":"int","unit":"{item}","description":"Items | waiting.","tags":[],"buckets":null,"source":"Acme.Inventory.InventoryMetrics.QueueDepth","future":true}]}""";

    private const string ShopMarkdown = """
        # Metrics

        | Meter | Instrument | Kind | Type | Unit | Tags | Description | Source |
        |---|---|---|---|---|---|---|---|
        | Acme.Shop 1.0 | `acme.shop.checkout.duration` | histogram (buckets 0.01, 0.5, 1) | double | `s` | `method` |  | Acme.Shop.ShopMetrics.CheckoutDuration |
        | Acme.Shop 1.0 | `acme.shop.orders.placed` | counter | long | `{order}` | `acme.shop.region`, `method` | Orders accepted. | Acme.Shop.ShopMetrics.OrderPlaced |

        """;

    private const string MergedJson = """
        {
          "instruments": [
            {
              "meter": "Acme.Inventory",
              "meterVersion": null,
              "name": "acme.inventory.queue.depth",
              "kind": "observable_gauge",
              "valueType": "int",
              "unit": "{item}",
              "description": "Items | waiting.",
              "tags": [],
              "buckets": null,
              "source": "Acme.Inventory.InventoryMetrics.QueueDepth"
            },
            {
              "meter": "Acme.Shop",
              "meterVersion": "1.0",
              "name": "acme.shop.checkout.duration",
              "kind": "histogram",
              "valueType": "double",
              "unit": "s",
              "description": null,
              "tags": [
                "method"
              ],
              "buckets": [
                0.01,
                0.5,
                1
              ],
              "source": "Acme.Shop.ShopMetrics.CheckoutDuration"
            },
            {
              "meter": "Acme.Shop",
              "meterVersion": "1.0",
              "name": "acme.shop.orders.placed",
              "kind": "counter",
              "valueType": "long",
              "unit": "{order}",
              "description": "Orders accepted.",
              "tags": [
                "acme.shop.region",
                "method"
              ],
              "buckets": null,
              "source": "Acme.Shop.ShopMetrics.OrderPlaced"
            }
          ]
        }

        """;

    private readonly FixtureDirectory _fixtures = new();

    public void Dispose() => _fixtures.Dispose();

    [Fact]
    public void Markdown_lists_the_instruments_of_one_assembly()
    {
        var result = CliRunner.Run("metrics", "list", WithManifest("Acme.Shop", Shop));

        Assert.Equal((0, Lf(ShopMarkdown), string.Empty), (result.ExitCode, result.Stdout, result.Stderr));
    }

    [Fact]
    public void Json_merges_assemblies_in_a_deterministic_order_whatever_their_order()
    {
        var shop = WithManifest("Acme.Shop", Shop);
        var inventory = WithManifest("Acme.Inventory", Inventory);

        var json = CliRunner.Run("metrics", "list", shop, inventory, "--format", "json");
        var reversed = CliRunner.Run("metrics", "list", "-f", "JSON", inventory, shop, shop);

        Assert.Equal((0, Lf(MergedJson), string.Empty), (json.ExitCode, json.Stdout, json.Stderr));
        Assert.Equal(json.Stdout, reversed.Stdout);
    }

    [Fact]
    public void A_table_cell_escapes_the_column_separator()
    {
        var result = CliRunner.Run("metrics", "list", WithManifest("Acme.Inventory", Inventory));

        Assert.Contains("| Items \\| waiting. |", result.Stdout);
    }

    [Fact]
    public void Output_goes_to_a_file_when_asked()
    {
        var target = Path.Combine(_fixtures.Path, "out", "metrics.json");

        var result = CliRunner.Run("metrics", "list", WithManifest("Acme.Shop", Shop), "--format", "json", "--output", target);

        Assert.Equal((0, string.Empty, string.Empty), (result.ExitCode, result.Stdout, result.Stderr));
        Assert.Contains("\"acme.shop.orders.placed\"", File.ReadAllText(target));
    }

    [Fact]
    public void An_assembly_without_a_manifest_prints_an_empty_table_and_a_note()
    {
        var plain = _fixtures.Compile("Plain", "namespace Plain { public static class Nothing { } }", referenceAbstractions: false);

        var result = CliRunner.Run("metrics", "list", plain);

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("# Metrics\n", result.Stdout);
        Assert.Equal($"contrail: note: no instruments found in '{plain}' (it has no Contrail metrics manifest)\n", result.Stderr);
    }

    [Fact]
    public void A_corrupt_manifest_is_one_line_naming_the_assembly_and_the_problem()
    {
        var broken = WithManifest("Broken", """{"version":1,"instruments":[{"meter":"m","name":7}]}""");

        CliRunner.AssertOneLineFailure(CliRunner.Run("metrics", "list", broken), $"contrail: corrupt metrics manifest in '{broken}': instruments[0].name is missing or not a string\n");
    }

    [Fact]
    public void A_newer_manifest_version_asks_for_a_newer_tool()
    {
        var newer = WithManifest("Newer", """{"version":2,"instruments":[]}""");

        CliRunner.AssertOneLineFailure(CliRunner.Run("metrics", "list", newer), $"contrail: the metrics manifest in '{newer}' has version 2; this contrail reads version 1 (update the tool)\n");
    }

    [Fact]
    public void Usage_and_input_errors_are_one_line()
    {
        var missing = Path.Combine(_fixtures.Path, "missing.dll");
        var text = _fixtures.WriteBytes("notes.dll", new byte[] { 1, 2, 3 });

        CliRunner.AssertOneLineFailure(CliRunner.Run("metrics", "list", missing), $"contrail: file not found: '{missing}'\n");
        CliRunner.AssertOneLineFailure(CliRunner.Run("metrics", "list", text), $"contrail: '{text}' is not a valid .NET assembly");
        CliRunner.AssertOneLineFailure(CliRunner.Run("metrics", "list", text, "--format", "yaml"), "contrail: unknown format 'yaml' (expected markdown or json)");
        CliRunner.AssertOneLineFailure(CliRunner.Run("metrics", "list"), "contrail: missing argument <assembly-path>");
        CliRunner.AssertOneLineFailure(CliRunner.Run("metrics"), "contrail: 'contrail metrics' needs a command (list)");
    }

    private string WithManifest(string assemblyName, string json) =>
        _fixtures.Compile(assemblyName, $"[assembly: Contrail.MetricsManifest({SymbolDisplay.FormatLiteral(json, quote: true)})]", referenceAbstractions: true);

    private static string Lf(string text) => text.Replace("\r\n", "\n");
}
