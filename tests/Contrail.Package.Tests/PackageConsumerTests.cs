using System;
using System.Diagnostics;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Xml.Linq;
using Xunit;

namespace Contrail.Package.Tests;

/// <summary>
/// The NuGet reference path end to end: pack Contrail, restore a consumer from the packed file in a
/// temporary folder feed, build it, and check what the compiler did with the package.
/// </summary>
[Collection(PackedContrailCollection.Name)]
public sealed class PackageConsumerTests
{
    private readonly PackedContrail _package;

    public PackageConsumerTests(PackedContrail package) => _package = package;

    [Fact]
    public void The_package_holds_the_abstractions_in_lib_and_the_roslyn_components_in_analyzers_and_nothing_else()
    {
        using var archive = ZipFile.OpenRead(_package.PackagePath);
        var files = archive.Entries.Select(e => e.FullName)
            .Where(name => name.StartsWith("lib/", StringComparison.Ordinal) || name.StartsWith("analyzers/", StringComparison.Ordinal))
            .OrderBy(name => name, StringComparer.Ordinal)
            .ToArray();
        Assert.Equal(new[]
        {
            "analyzers/dotnet/cs/Contrail.Analyzers.dll",
            "analyzers/dotnet/cs/Contrail.CodeFixes.dll",
            "analyzers/dotnet/cs/Contrail.Generators.dll",
            "analyzers/dotnet/cs/Contrail.Schema.dll",
            "analyzers/dotnet/cs/Google.Protobuf.dll",
            "lib/netstandard2.0/Contrail.Abstractions.dll",
            "lib/netstandard2.0/Contrail.Abstractions.xml",
        }, files);

        using var nuspec = archive.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open();
        var dependencies = XDocument.Load(nuspec).Descendants().Where(e => e.Name.LocalName == "dependency");
        Assert.Empty(dependencies);
    }

    [Fact]
    public void A_consumer_builds_warning_free_and_gets_the_generated_telemetry()
    {
        using var consumer = Consumer.Create(_package, "Consumer", """
            using System.Threading.Tasks;
            using Acme.Shop.V1;
            using Contrail;
            using Grpc.Core;
            using Consumer;
            using Microsoft.Extensions.DependencyInjection;

            [assembly: ErrorDomain("consumer.example", CatalogName = "ConsumerErrors")]

            var services = new ServiceCollection();
            services.AddGrpc().AddContrail();
            var registered = services.Any(d => d.ServiceType == typeof(Consumer.OrderServiceContrailInterceptor));
            System.Console.WriteLine(registered ? "interceptor registered" : "interceptor missing");
            var error = new OrderNotFoundException("o-1").ToRpcException();
            System.Console.WriteLine($"{error.StatusCode} {ConsumerErrors.IsOrderNotFound(error)}");

            namespace Consumer
            {
                [GrpcError(GrpcStatusCode.NotFound, "ORDER_NOT_FOUND", Domain = "consumer.example")]
                public sealed class OrderNotFoundException(string orderId) : System.Exception("Order " + orderId + " was not found.")
                {
                    [ErrorMetadata("orderId")] public string OrderId { get; } = orderId;
                }

                [TracedService]
                public sealed class OrderService : Orders.OrdersBase
                {
                    [TraceTag("acme.order.id", nameof(GetOrderRequest.OrderId))]
                    public override Task<Order> GetOrder(GetOrderRequest request, ServerCallContext context) =>
                        Task.FromResult(new Order { OrderId = request.OrderId });
                }
            }
            """);

        var build = consumer.Run("build", "-c", "Release", "-warnaserror");
        Assert.True(build.ExitCode == 0, build.Output);

        var generated = Directory.GetFiles(consumer.Directory, "*.g.cs", SearchOption.AllDirectories)
            .Select(Path.GetFileName)
            .OrderBy(name => name, StringComparer.Ordinal)
            .ToArray();
        Assert.Equal(new[]
        {
            "Consumer.OrderService.Contrail.TracedService.g.cs",
            "Contrail.GrpcErrorInterception.g.cs",
            "Contrail.GrpcErrors.Descriptor.g.cs",
            "Contrail.GrpcErrors.Http.g.cs",
            "Contrail.GrpcErrors.g.cs",
            "Contrail.GrpcServerBuilderExtensions.g.cs",
            "Contrail.GrpcStatusDetails.g.cs",
            "Contrail.RpcMethodTelemetry.g.cs",
            "Contrail.ServerTelemetry.Addresses.g.cs",
            "Contrail.ServerTelemetry.ErrorMapping.g.cs",
            "Contrail.ServerTelemetry.Version.g.cs",
            "Contrail.ServerTelemetry.g.cs",
        }, generated.Where(name => name!.Contains("Contrail", StringComparison.Ordinal)).ToArray());

        var run = consumer.Run("run", "-c", "Release", "--no-build");
        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains("interceptor registered", run.Output);
        Assert.Contains("NotFound True", run.Output);
    }

    [Fact]
    public void Misuse_fails_the_consumers_build_with_a_located_diagnostic()
    {
        using var consumer = Consumer.Create(_package, "Misuse", """
            using System.Threading.Tasks;
            using Acme.Shop.V1;
            using Contrail;
            using Grpc.Core;

            namespace Misuse
            {
                [TracedService]
                public sealed class OrderService : Orders.OrdersBase
                {
                    [TraceTag("acme.order.id", "OrderNumber")]
                    public override Task<Order> GetOrder(GetOrderRequest request, ServerCallContext context) =>
                        Task.FromResult(new Order());
                }

                public static class Program
                {
                    public static void Main() { }
                }
            }
            """);

        var build = consumer.Run("build", "-c", "Release");

        Assert.NotEqual(0, build.ExitCode);
        Assert.Contains("Program.cs(11,10): error CTR0002: 'GetOrderRequest' has no readable property or field 'OrderNumber'", build.Output);
        Assert.DoesNotContain("AD0001", build.Output);
        Assert.DoesNotContain("CS8785", build.Output);
    }
}

/// <summary>
/// The test classes that need the packed package share one pack: two packs of the same projects at once
/// would race on their build outputs (and double the slowest step of the run).
/// </summary>
[CollectionDefinition(Name)]
public sealed class PackedContrailCollection : ICollectionFixture<PackedContrail>
{
    public const string Name = "Packed Contrail";
}

/// <summary>Packs src/Contrail once per test run, with a version no earlier run used.</summary>
public sealed class PackedContrail : IDisposable
{
    public PackedContrail()
    {
        RepositoryRoot = FindRepositoryRoot();
        FeedDirectory = Directory.CreateTempSubdirectory("contrail-feed-").FullName;
        Version = "0.0.0-consumer-test." + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff", System.Globalization.CultureInfo.InvariantCulture);
        var pack = Consumer.RunDotnet(RepositoryRoot, "pack", Path.Combine(RepositoryRoot, "src", "Contrail", "Contrail.csproj"),
            "-c", "Release", "-o", FeedDirectory, $"-p:Version={Version}");
        Assert.True(pack.ExitCode == 0, pack.Output);
        PackagePath = Path.Combine(FeedDirectory, $"Contrail.{Version}.nupkg");
        Assert.True(File.Exists(PackagePath), pack.Output);
    }

    public string RepositoryRoot { get; }

    public string FeedDirectory { get; }

    public string Version { get; }

    public string PackagePath { get; }

    /// <summary>The repository's central version of <paramref name="packageId"/>, for consumers outside it.</summary>
    public string CentralVersion(string packageId)
    {
        var props = XDocument.Load(Path.Combine(RepositoryRoot, "Directory.Packages.props"));
        return props.Descendants("PackageVersion")
            .Single(e => (string?)e.Attribute("Include") == packageId)
            .Attribute("Version")!.Value;
    }

    public void Dispose()
    {
        Directory.Delete(FeedDirectory, recursive: true);

        // Each run restores a fresh version into the global packages folder: remove it again.
        var globalPackages = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var restored = Path.Combine(globalPackages, "contrail", Version);
        if (Directory.Exists(restored))
        {
            Directory.Delete(restored, recursive: true);
        }
    }

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Generators.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Generators.sln not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>A throwaway consumer project in a temporary folder that references Contrail by package.</summary>
internal sealed class Consumer : IDisposable
{
    private Consumer(string directory) => Directory = directory;

    public string Directory { get; }

    public static Consumer Create(PackedContrail package, string name, string program)
    {
        var directory = System.IO.Directory.CreateTempSubdirectory("contrail-consumer-").FullName;
        var protos = Path.Combine(package.RepositoryRoot, "tests", "Contrail.Testing.Protos", "Protos", "orders.proto");
        File.Copy(protos, Path.Combine(directory, "orders.proto"));
        File.WriteAllText(Path.Combine(directory, "Program.cs"), program);

        // Inherits the machine's package sources and adds the temporary feed.
        File.WriteAllText(Path.Combine(directory, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="contrail-under-test" value="{package.FeedDirectory}" />
              </packageSources>
            </configuration>
            """);

        // Outside the repository: no Directory.Build.props or central versions apply, so the
        // consumer states its own settings, as a user's project does.
        File.WriteAllText(Path.Combine(directory, $"{name}.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                <EmitCompilerGeneratedFiles>true</EmitCompilerGeneratedFiles>
                <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
                <NuGetAudit>false</NuGetAudit>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Contrail" Version="{package.Version}" />
                <!-- What a gRPC service references: the server, Google.Protobuf and Grpc.Tools' build step. -->
                <PackageReference Include="Grpc.AspNetCore" Version="{package.CentralVersion("Grpc.AspNetCore")}" />
                <Protobuf Include="orders.proto" GrpcServices="Server" />
              </ItemGroup>
            </Project>
            """);
        return new Consumer(directory);
    }

    public (int ExitCode, string Output) Run(params string[] arguments) => RunDotnet(Directory, arguments);

    public static (int ExitCode, string Output) RunDotnet(string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // Keep the child builds out of the test host's own MSBuild node and environment.
        start.Environment["MSBuildSDKsPath"] = null;
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            return (-1, "timed out: dotnet " + string.Join(' ', arguments));
        }

        return (process.ExitCode, stdout.Result + stderr.Result);
    }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
