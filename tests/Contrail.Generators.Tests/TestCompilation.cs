using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Contrail.Generators.TracedServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace Contrail.Generators.Tests;

/// <summary>
/// Builds in-memory compilations the way a user's project compiles: the running framework (with
/// ASP.NET Core), Contrail.Abstractions, the real gRPC assemblies (Grpc.Core.Api, Grpc.Net.Common,
/// Grpc.AspNetCore.Server) and the Grpc.Tools-generated protos.
/// </summary>
internal static class TestCompilation
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> s_references = new(LoadReferences);

    public static ImmutableArray<MetadataReference> References => s_references.Value;

    public static CSharpCompilation Create(
        string source,
        LanguageVersion languageVersion = LanguageVersion.Latest,
        NullableContextOptions nullable = NullableContextOptions.Enable,
        IEnumerable<MetadataReference>? extraReferences = null,
        string assemblyName = "UserAssembly",
        IEnumerable<MetadataReference>? references = null,
        DocumentationMode documentationMode = DocumentationMode.Parse) =>
        Create(new[] { source }, languageVersion, nullable, extraReferences, assemblyName, references, documentationMode);

    public static CSharpCompilation Create(
        string[] sources,
        LanguageVersion languageVersion = LanguageVersion.Latest,
        NullableContextOptions nullable = NullableContextOptions.Enable,
        IEnumerable<MetadataReference>? extraReferences = null,
        string assemblyName = "UserAssembly",
        IEnumerable<MetadataReference>? references = null,
        DocumentationMode documentationMode = DocumentationMode.Parse)
    {
        // Diagnose is what GenerateDocumentationFile turns on: malformed doc comments are then warnings.
        var parseOptions = CSharpParseOptions.Default.WithLanguageVersion(languageVersion).WithDocumentationMode(documentationMode);
        var trees = sources.Select((source, i) => CSharpSyntaxTree.ParseText(source, parseOptions, path: i == 0 ? "Input.cs" : $"Input{i}.cs"));
        var options = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary)
            .WithNullableContextOptions(nullable)
            .WithGeneralDiagnosticOption(ReportDiagnostic.Error)
            .WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic>
            {
                // Assembly-binding noise between package and framework assembly versions, not about the code.
                ["CS1701"] = ReportDiagnostic.Suppress,
                ["CS1702"] = ReportDiagnostic.Suppress,
            });
        return CSharpCompilation.Create(
            assemblyName,
            trees,
            (references ?? References).Concat(extraReferences ?? Enumerable.Empty<MetadataReference>()),
            options);
    }

    /// <summary>Runs Contrail's generators (traced services, error catalog, metrics) with step tracking on.</summary>
    public static (GeneratorDriver Driver, Compilation Output, ImmutableArray<Diagnostic> Diagnostics) RunGenerator(CSharpCompilation compilation)
    {
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            new[] { new TracedServiceGenerator().AsSourceGenerator(), new Errors.ErrorCatalogGenerator().AsSourceGenerator(), new Contrail.Generators.Metrics.MetricsGenerator().AsSourceGenerator() },
            parseOptions: (CSharpParseOptions)compilation.SyntaxTrees.First().Options,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        return (driver, output, diagnostics);
    }

    /// <summary>Every file the generators wrote.</summary>
    public static ImmutableArray<GeneratedSourceResult> GeneratedSources(GeneratorDriver driver) =>
        driver.GetRunResult().Results.SelectMany(r => r.GeneratedSources).ToImmutableArray();

    /// <summary>The run result of one generator.</summary>
    public static GeneratorRunResult Result<TGenerator>(GeneratorDriver driver) =>
        driver.GetRunResult().Results.Single(r => r.Generator.GetGeneratorType() == typeof(TGenerator));

    /// <summary>Asserts a compilation has no diagnostics at all (every warning is an error here).</summary>
    public static void AssertClean(Compilation compilation, string because)
    {
        var problems = compilation.GetDiagnostics()
            .Where(d => d.Severity >= DiagnosticSeverity.Warning || d.IsWarningAsError)
            .ToList();
        Assert.True(problems.Count == 0, because + ":\n" + string.Join("\n", problems.Select(Format)));
    }

    public static ImmutableArray<Diagnostic> Analyze(Compilation compilation, DiagnosticAnalyzer analyzer) =>
        compilation.WithAnalyzers(ImmutableArray.Create(analyzer))
            .GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();

    public static string Format(Diagnostic diagnostic) =>
        $"{diagnostic.Id} {diagnostic.Location.GetLineSpan()}: {diagnostic.GetMessage()}";

    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        var trusted = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        var references = trusted
            .Where(path => Path.GetFileName(path) is var name
                && (name.StartsWith("System.", StringComparison.Ordinal)
                    || name.StartsWith("Microsoft.Extensions.", StringComparison.Ordinal)
                    || name.StartsWith("Microsoft.AspNetCore.", StringComparison.Ordinal)
                    || name is "netstandard.dll" or "mscorlib.dll"
                    || name is "Grpc.Core.Api.dll" or "Grpc.Net.Common.dll" or "Grpc.AspNetCore.Server.dll"
                    || name is "Contrail.Abstractions.dll" or "Contrail.Testing.Protos.dll" or "Google.Protobuf.dll"))
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path));
        return references.ToImmutableArray();
    }
}
