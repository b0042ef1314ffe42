using System.Linq;
using Contrail.Generators.TracedServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace Contrail.Generators.Tests;

public sealed class TracedServiceGeneratorTests
{
    public static TheoryData<string, string[]> Cases => new()
    {
        { "OrderService", new[] { Sources.OrderService, Sources.Host } },
        { "InventoryService", new[] { Sources.InventoryService, Sources.Host } },
        { "HostWithoutServices", new[] { Sources.Host } },
        { "Errors", new[] { Sources.Errors } },
        { "ErrorsWithTracedService", new[] { Sources.Errors, Sources.InventoryService, Sources.Host } },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Output_matches_the_expected_files(string caseName, string[] source)
    {
        var input = TestCompilation.Create(source);
        var (driver, output, diagnostics) = TestCompilation.RunGenerator(input);

        Assert.Empty(diagnostics);
        TestCompilation.AssertClean(output, "the generated code must compile without warnings");
        // The telemetry runtime is the same in every assembly: TelemetryRuntimeTests checks it once.
        foreach (var generated in TestCompilation.GeneratedSources(driver).Where(s => !TelemetryRuntimeTests.IsRuntime(s.HintName)))
        {
            Snapshot.Match(caseName, generated.HintName, generated.SourceText.ToString());
        }
    }

    [Theory]
    [InlineData(LanguageVersion.CSharp10, NullableContextOptions.Enable)]
    [InlineData(LanguageVersion.CSharp10, NullableContextOptions.Disable)]
    [InlineData(LanguageVersion.Latest, NullableContextOptions.Enable)]
    [InlineData(LanguageVersion.Latest, NullableContextOptions.Disable)]
    public void Output_compiles_warning_free_under_the_users_settings(LanguageVersion languageVersion, NullableContextOptions nullable)
    {
        var services = TestCompilation.Create(new[] { Sources.OrderService, Sources.InventoryService, Sources.Errors }, languageVersion, nullable);
        TestCompilation.AssertClean(services, "the input must compile before generation");
        var input = services.AddSyntaxTrees(CSharpSyntaxTree.ParseText(Sources.Host, (CSharpParseOptions)services.SyntaxTrees.First().Options));

        var (driver, output, diagnostics) = TestCompilation.RunGenerator(input);

        Assert.Empty(diagnostics);
        Assert.Equal(13, TestCompilation.GeneratedSources(driver).Length);
        TestCompilation.AssertClean(output, $"generated code under C# {languageVersion} with nullable {nullable}");
    }

    [Fact]
    public void An_unrelated_edit_leaves_every_step_cached()
    {
        var input = TestCompilation.Create(new[] { Sources.OrderService, Sources.Host, Sources.Errors });
        var (driver, _, _) = TestCompilation.RunGenerator(input);

        var edited = input.AddSyntaxTrees(CSharpSyntaxTree.ParseText(
            "internal static class Unrelated { public static int Answer => 42; }",
            (CSharpParseOptions)input.SyntaxTrees.First().Options));
        driver = driver.RunGenerators(edited);

        var result = TestCompilation.Result<TracedServiceGenerator>(driver);
        var trackingNames = new[]
        {
            TracedServiceGenerator.TrackingNames.Services,
            TracedServiceGenerator.TrackingNames.Environment,
            TracedServiceGenerator.TrackingNames.Assembly,
        };
        AssertCached(result, trackingNames);

        var errors = TestCompilation.Result<Errors.ErrorCatalogGenerator>(driver);
        AssertCached(errors, new[]
        {
            Errors.ErrorCatalogGenerator.TrackingNames.Errors,
            Errors.ErrorCatalogGenerator.TrackingNames.Settings,
            Errors.ErrorCatalogGenerator.TrackingNames.TracedServices,
            Errors.ErrorCatalogGenerator.TrackingNames.Catalog,
        });
    }

    private static void AssertCached(GeneratorRunResult result, string[] trackingNames)
    {
        foreach (var name in trackingNames)
        {
            Assert.True(result.TrackedSteps.ContainsKey(name), $"step {name} was not tracked");
            foreach (var step in result.TrackedSteps[name])
            {
                foreach (var (_, reason) in step.Outputs)
                {
                    Assert.True(reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"step {name} ran again: {reason}");
                }
            }
        }

        Assert.All(result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs),
            output => Assert.Equal(IncrementalStepRunReason.Cached, output.Reason));
    }

    [Fact]
    public void An_edit_inside_a_handler_body_reuses_the_model()
    {
        var input = TestCompilation.Create(new[] { Sources.OrderService, Sources.Host });
        var (driver, _, _) = TestCompilation.RunGenerator(input);

        var tree = input.SyntaxTrees.First();
        var newText = tree.GetText().ToString().Replace("count++;", "count += 1;");
        driver = driver.RunGenerators(input.ReplaceSyntaxTree(tree, tree.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From(newText))));

        var result = TestCompilation.Result<TracedServiceGenerator>(driver);
        Assert.All(result.TrackedSteps[TracedServiceGenerator.TrackingNames.Services].SelectMany(s => s.Outputs),
            output => Assert.True(output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, output.Reason.ToString()));
        Assert.All(result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs),
            output => Assert.Equal(IncrementalStepRunReason.Cached, output.Reason));
    }

    [Fact]
    public void A_host_referencing_two_libraries_registers_both_without_ambiguity()
    {
        var orders = CompileLibrary(new[] { Sources.OrderService, Sources.Host }, "Acme.Orders.Library");
        var stock = CompileLibrary(new[] { """
            using System.Threading.Tasks;
            using Contrail;
            using Grpc.Core;

            namespace Acme.Stock
            {
                [TracedService]
                public sealed class StockService : Inventory.InventoryBase
                {
                    public override Task<ReserveReply> Reserve(ReserveRequest request, ServerCallContext context) =>
                        Task.FromResult(new ReserveReply());
                }
            }
            """, Sources.Host }, "Acme.Stock.Library");

        // Both libraries have their own (internal) AddContrail(); the host's must be the only one it sees.
        var host = TestCompilation.Create(new[] { Sources.InventoryService, Sources.Host }, extraReferences: new[] { orders, stock }, assemblyName: "Acme.Host");
        var (driver, hostOutput, _) = TestCompilation.RunGenerator(host);
        TestCompilation.AssertClean(hostOutput, "the host must compile without ambiguity");

        var registration = TestCompilation.GeneratedSources(driver)
            .Single(s => s.HintName == ServerTelemetryEmitter.RegistrationHintName).SourceText.ToString();
        Assert.Contains("AddTracedService<global::InventoryService, global::InventoryServiceContrailInterceptor>(builder);", registration);
        Assert.Contains("AddTracedService<global::Acme.Shop.OrderService, global::Acme.Shop.OrderServiceContrailInterceptor>(builder);", registration);
        Assert.Contains("AddTracedService<global::Acme.Stock.StockService, global::Acme.Stock.StockServiceContrailInterceptor>(builder);", registration);
    }

    [Fact]
    public void Traced_services_map_the_errors_of_a_referenced_library()
    {
        var errors = CompileLibrary(new[] { Sources.Errors }, "Acme.Errors.Library");
        var host = TestCompilation.Create(new[] { Sources.InventoryService, Sources.Host }, extraReferences: new[] { errors }, assemblyName: "Acme.Host");

        var (driver, output, _) = TestCompilation.RunGenerator(host);

        TestCompilation.AssertClean(output, "the host must compile");
        var hook = TestCompilation.GeneratedSources(driver).Single(s => s.HintName == Errors.ErrorCatalogEmitter.TelemetryHookHintName).SourceText.ToString();
        Assert.Contains("rpcException = global::Acme.Shop.ShopErrors.TryCreateRpcException(exception);", hook);
    }

    [Fact]
    public void A_friend_assembly_with_its_own_traced_services_and_errors_compiles_warning_free()
    {
        // The usual server -> tests setup: the library grants InternalsVisibleTo, and the friend
        // (which gets Contrail's generator too) has generated helpers of the same names.
        var library = CompileLibrary(new[] { Sources.OrderService, Sources.Host, "[assembly: System.Runtime.CompilerServices.InternalsVisibleTo(\"Acme.Host\")]" }, "Acme.Orders.Library");
        var friend = TestCompilation.Create(new[] { Sources.InventoryService, Sources.Errors.Replace("CatalogName = \"ShopErrors\"", "CatalogName = \"HostErrors\"") }, extraReferences: new[] { library }, assemblyName: "Acme.Host");

        var (_, output, diagnostics) = TestCompilation.RunGenerator(friend);

        Assert.Empty(diagnostics);
        TestCompilation.AssertClean(output, "the friend assembly");
    }

    private static MetadataReference CompileLibrary(string[] source, string assemblyName)
    {
        var (_, output, _) = TestCompilation.RunGenerator(TestCompilation.Create(source, assemblyName: assemblyName));
        TestCompilation.AssertClean(output, $"library {assemblyName} must compile");
        using var image = new System.IO.MemoryStream();
        Assert.True(output.Emit(image).Success);
        return MetadataReference.CreateFromImage(image.ToArray());
    }
}
