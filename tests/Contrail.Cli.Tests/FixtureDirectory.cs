using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace Contrail.Cli.Tests;

/// <summary>A temporary folder of fixture files: assemblies compiled in memory, and other files.</summary>
public sealed class FixtureDirectory : IDisposable
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> FrameworkReferences = new(LoadFrameworkReferences);

    public FixtureDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "contrail-cli-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    /// <summary>
    /// Compiles an assembly that carries <c>[assembly: Contrail.ErrorCatalog(json)]</c> (or no catalog
    /// when <paramref name="catalogJson"/> is null), referencing the real Contrail.Abstractions.
    /// </summary>
    public string CompileWithCatalog(string assemblyName, string? catalogJson)
    {
        var attribute = catalogJson is null
            ? string.Empty
            : $"[assembly: Contrail.ErrorCatalog({Literal(catalogJson)}, Mapper = typeof(Fixture.ErrorMapper))]";
        var source = $$"""
            {{attribute}}

            namespace Fixture
            {
                public static class ErrorMapper
                {
                }
            }
            """;
        return Compile(assemblyName, source, referenceAbstractions: true);
    }

    /// <summary>Compiles C# source into an assembly file in this folder.</summary>
    public string Compile(string assemblyName, string source, bool referenceAbstractions)
    {
        var references = FrameworkReferences.Value;
        if (referenceAbstractions)
        {
            references = references.Add(MetadataReference.CreateFromFile(typeof(ErrorCatalogAttribute).Assembly.Location));
        }

        var compilation = CSharpCompilation.Create(
            assemblyName,
            new[] { CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest)) },
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

        var path = System.IO.Path.Combine(Path, assemblyName + ".dll");
        var result = compilation.Emit(path);
        var problems = result.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(result.Success && problems.Count == 0, "fixture does not compile cleanly:\n" + string.Join("\n", problems));
        return path;
    }

    public string WriteBytes(string fileName, byte[] bytes)
    {
        var path = System.IO.Path.Combine(Path, fileName);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A file still open on a slow machine: the temp folder is cleaned up eventually anyway.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static string Literal(string value) => SymbolDisplay.FormatLiteral(value, quote: true);

    private static ImmutableArray<MetadataReference> LoadFrameworkReferences()
    {
        var trusted = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(System.IO.Path.PathSeparator);
        return trusted
            .Where(path => System.IO.Path.GetFileName(path) is var name
                && (name.StartsWith("System.", StringComparison.Ordinal) || name is "netstandard.dll" or "mscorlib.dll"))
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray();
    }
}
