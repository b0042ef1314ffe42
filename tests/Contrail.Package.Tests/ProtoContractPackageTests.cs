using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text.Json;
using Xunit;

namespace Contrail.Package.Tests;

/// <summary>
/// The proto contract check in a consumer's build, from the packed package: Grpc.Tools &lt;Protobuf&gt; items,
/// no baseline, the accept target, a breaking edit, a severity override and a corrupt baseline.
/// </summary>
[Collection(PackedContrailCollection.Name)]
public sealed class ProtoContractPackageTests
{
    private readonly PackedContrail _package;

    public ProtoContractPackageTests(PackedContrail package) => _package = package;

    [Fact]
    public void The_package_holds_the_build_integration_and_the_accept_task_with_its_own_dependencies()
    {
        using var archive = ZipFile.OpenRead(_package.PackagePath);
        var files = archive.Entries.Select(e => e.FullName)
            .Where(name => name.StartsWith("buildTransitive/", StringComparison.Ordinal) || name.StartsWith("tasks/", StringComparison.Ordinal))
            .OrderBy(name => name, StringComparer.Ordinal)
            .ToArray();
        Assert.Equal(new[]
        {
            "buildTransitive/Contrail.props",
            "buildTransitive/Contrail.targets",
            "tasks/netstandard2.0/Contrail.Build.Tasks.dll",
            "tasks/netstandard2.0/Contrail.Schema.dll",
            "tasks/netstandard2.0/Google.Protobuf.dll",
        }, files);
    }

    [Fact]
    public void A_consumer_gets_located_proto_contract_diagnostics_and_accepts_changes_with_one_target()
    {
        var directory = Directory.CreateTempSubdirectory("contrail-proto-consumer-").FullName;
        try
        {
            var proto = Path.Combine(directory, "orders.proto");
            var baseline = Path.Combine(directory, "protos.baseline.binpb");
            File.Copy(Path.Combine(_package.RepositoryRoot, "tests", "Contrail.Testing.Protos", "Protos", "orders.proto"), proto);
            File.WriteAllText(Path.Combine(directory, "Program.cs"), "System.Console.WriteLine(new Acme.Shop.V1.Order());\n");
            File.WriteAllText(Path.Combine(directory, "nuget.config"), $"""
                <?xml version="1.0" encoding="utf-8"?>
                <configuration>
                  <packageSources>
                    <add key="contrail-under-test" value="{_package.FeedDirectory}" />
                  </packageSources>
                </configuration>
                """);
            File.WriteAllText(Path.Combine(directory, "Shop.csproj"), $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <OutputType>Exe</OutputType>
                    <TargetFramework>net10.0</TargetFramework>
                    <Nullable>enable</Nullable>
                    <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
                    <NuGetAudit>false</NuGetAudit>
                  </PropertyGroup>
                  <ItemGroup>
                    <PackageReference Include="Contrail" Version="{_package.Version}" />
                    <PackageReference Include="Google.Protobuf" Version="{_package.CentralVersion("Google.Protobuf")}" />
                    <PackageReference Include="Grpc.Tools" Version="{_package.CentralVersion("Grpc.Tools")}" PrivateAssets="all" />
                    <!-- Messages only: no gRPC runtime is needed to check the contract. -->
                    <Protobuf Include="orders.proto" GrpcServices="None" />
                  </ItemGroup>
                </Project>
                """);

            // No baseline: an info at the first .proto says how to create one (infos are not printed at the
            // default verbosity, so read the compiler's SARIF log).
            var log = Path.Combine(directory, "compiler.sarif");
            var first = Consumer.RunDotnet(directory, "build", "-c", "Release", "-p:ErrorLog=" + log);
            Assert.True(first.ExitCode == 0, first.Output);
            var info = Assert.Single(SarifResults(log), result => result.GetProperty("ruleId").GetString() == "CTR2001");
            Assert.Equal("note", info.GetProperty("level").GetString());
            Assert.StartsWith("No proto contract baseline at '" + baseline + "'", info.GetProperty("message").GetString(), StringComparison.Ordinal);
            var location = info.GetProperty("locations")[0].GetProperty("resultFile");
            Assert.Equal(new Uri(proto).AbsoluteUri, location.GetProperty("uri").GetString());
            Assert.Equal(1, location.GetProperty("region").GetProperty("startLine").GetInt32());
            Assert.False(File.Exists(baseline), "Nothing writes the baseline implicitly.");

            // The one explicit step.
            var accept = Consumer.RunDotnet(directory, "build", "-t:ContrailAcceptProtoBaseline");
            Assert.True(accept.ExitCode == 0, accept.Output);
            Assert.Contains("Contrail: wrote the proto contract baseline " + baseline, accept.Output);
            Assert.True(File.Exists(baseline), accept.Output);

            var clean = Consumer.RunDotnet(directory, "build", "-c", "Release");
            Assert.True(clean.ExitCode == 0, clean.Output);
            Assert.DoesNotContain("CTR2", clean.Output);

            // A breaking edit fails the build at the .proto line.
            var text = File.ReadAllText(proto);
            var edited = text.Replace("message Order {\n  string order_id = 1;", "message Order {\n  int64 order_id = 1;", StringComparison.Ordinal);
            Assert.NotEqual(text, edited);
            File.WriteAllText(proto, edited);
            var line = Array.FindIndex(edited.Split('\n'), l => l == "  int64 order_id = 1;") + 1;
            var broken = Consumer.RunDotnet(directory, "build", "-c", "Release");
            Assert.NotEqual(0, broken.ExitCode);
            Assert.Contains(
                $"orders.proto({line},3): error CTR2114: FIELD_SAME_TYPE: Field \"1\" with name \"order_id\" on message \"Order\" changed type from \"string\" to \"int64\".",
                broken.Output);

            // Per-rule severity from a global analyzer config.
            File.WriteAllText(Path.Combine(directory, ".globalconfig"), "is_global = true\ndotnet_diagnostic.CTR2114.severity = warning\n");
            var relaxed = Consumer.RunDotnet(directory, "build", "-c", "Release");
            Assert.True(relaxed.ExitCode == 0, relaxed.Output);
            Assert.Contains($"orders.proto({line},3): warning CTR2114: FIELD_SAME_TYPE: ", relaxed.Output);
            File.Delete(Path.Combine(directory, ".globalconfig"));

            // Accepting the change makes the build clean again.
            var acceptAgain = Consumer.RunDotnet(directory, "build", "-t:ContrailAcceptProtoBaseline");
            Assert.True(acceptAgain.ExitCode == 0, acceptAgain.Output);
            var accepted = Consumer.RunDotnet(directory, "build", "-c", "Release");
            Assert.True(accepted.ExitCode == 0, accepted.Output);
            Assert.DoesNotContain("CTR2", accepted.Output);

            // A corrupt baseline is an error at the baseline file.
            File.WriteAllBytes(baseline, File.ReadAllBytes(baseline).Take(100).ToArray());
            var corrupt = Consumer.RunDotnet(directory, "build", "-c", "Release");
            Assert.NotEqual(0, corrupt.ExitCode);
            Assert.Contains("protos.baseline.binpb(1,1): error CTR2002: The proto contract baseline cannot be read: ", corrupt.Output);

            foreach (var output in new[] { first.Output, accept.Output, clean.Output, broken.Output, relaxed.Output, accepted.Output, corrupt.Output })
            {
                Assert.DoesNotContain("AD0001", output);
                Assert.DoesNotContain("CS8785", output);
            }
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static JsonElement[] SarifResults(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().Select(result => result.Clone()).ToArray();
    }
}
