using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Contrail.Analyzers.ProtoContracts;
using Contrail.Schema.Images;
using Contrail.Schema.Protoc;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Contrail.Analyzers.Tests.ProtoContracts;

/// <summary>
/// A project folder with .proto files and a baseline on disk, analyzed the way the compiler does it in a
/// build: the files as additional files with the package's metadata, the settings as build properties.
/// </summary>
internal sealed class ProtoProjectFixture : IDisposable
{
    private static readonly Lazy<ProtocInstallation> s_protoc = new(() => ProtocInstallation.Locate());

    private readonly List<string> _protos = new();

    public ProtoProjectFixture()
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("contrail-proto-analyzer-").FullName;
        BaselinePath = Path.Combine(Directory, "protos.baseline.binpb");
        Properties = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["build_property.ContrailProtoBaseline"] = BaselinePath,
            ["build_property.ContrailProtoBreakingCategory"] = "FILE",
            ["build_property.ContrailProtocPath"] = s_protoc.Value.ProtocPath,
            ["build_property.ContrailProtoStandardImportsPath"] = s_protoc.Value.WellKnownTypesDirectory ?? string.Empty,
        };
    }

    public string Directory { get; }

    public string BaselinePath { get; }

    /// <summary>The build properties the analyzer sees; tests change them to model settings.</summary>
    public Dictionary<string, string> Properties { get; }

    /// <summary>Whether the baseline is passed as an additional file (the package's targets do when it exists).</summary>
    public bool BaselineIsAdditionalFile { get; set; } = true;

    public static ProtocInstallation Protoc => s_protoc.Value;

    /// <summary>Writes a .proto file under the project folder (the proto root) and makes it a &lt;Protobuf&gt; item.</summary>
    public string WriteProto(string relativePath, string text)
    {
        var path = Path.Combine(Directory, relativePath.Replace('/', Path.DirectorySeparatorChar));
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text.ReplaceLineEndings("\n"));
        if (!_protos.Contains(path))
        {
            _protos.Add(path);
        }

        return path;
    }

    public void RemoveProto(string relativePath)
    {
        var path = Path.Combine(Directory, relativePath.Replace('/', Path.DirectorySeparatorChar));
        _protos.Remove(path);
        File.Delete(path);
    }

    /// <summary>Writes the baseline from the current .proto files, as the accept target does.</summary>
    public byte[] AcceptBaseline()
    {
        var files = _protos.Select(path => new ProtoProjectFile(path, Directory)).ToList();
        var image = ProtoProjectCompiler.Compile(files, Protoc.ProtocPath, Protoc.WellKnownTypesDirectory, Array.Empty<string>());
        var bytes = SchemaImageWriter.WriteBinary(image);
        File.WriteAllBytes(BaselinePath, bytes);
        return bytes;
    }

    public void WriteBaseline(byte[] bytes) => File.WriteAllBytes(BaselinePath, bytes);

    /// <summary>Runs the analyzer on a compilation with the project's additional files; fails on any analyzer exception.</summary>
    public async Task<IReadOnlyList<string>> AnalyzeAsync()
    {
        var additional = new List<AdditionalText>();
        var perFile = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        foreach (var proto in _protos)
        {
            additional.Add(new DiskText(proto));
            perFile[proto] = new Dictionary<string, string>
            {
                ["build_metadata.AdditionalFiles.ContrailProtoKind"] = "proto",
                ["build_metadata.AdditionalFiles.ContrailProtoRoot"] = Directory,
            };
        }

        if (BaselineIsAdditionalFile && File.Exists(BaselinePath))
        {
            additional.Add(new DiskText(BaselinePath));
            perFile[BaselinePath] = new Dictionary<string, string> { ["build_metadata.AdditionalFiles.ContrailProtoKind"] = "baseline" };
        }

        var compilation = CSharpCompilation.Create(
            "ProtoConsumer",
            new[] { CSharpSyntaxTree.ParseText("public static class Program { public static void Main() { } }") },
            new[] { MetadataReference.CreateFromFile(typeof(object).Assembly.Location) },
            new CSharpCompilationOptions(OutputKind.ConsoleApplication));
        var exceptions = new List<Exception>();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(additional.ToImmutableArray(), new OptionsProvider(Properties, perFile)),
            (exception, _, _) => { lock (exceptions) { exceptions.Add(exception); } },
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: false);
        var diagnostics = await compilation
            .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new ProtoContractAnalyzer()), options)
            .GetAnalyzerDiagnosticsAsync(CancellationToken.None);
        if (exceptions.Count > 0)
        {
            throw new InvalidOperationException("The analyzer threw (AD0001): " + exceptions[0], exceptions[0]);
        }

        return diagnostics
            .Select(Format)
            .OrderBy(line => line, StringComparer.Ordinal)
            .ToArray();
    }

    /// <summary>A diagnostic as the command-line build prints it, with the file name only: <c>orders.proto(12,3): error CTR2101: ...</c>.</summary>
    public static string Format(Diagnostic diagnostic)
    {
        var span = diagnostic.Location.GetLineSpan();
        var severity = diagnostic.Severity.ToString().ToLowerInvariant();
        return string.Format(
            CultureInfo.InvariantCulture,
            "{0}({1},{2}): {3} {4}: {5}",
            Path.GetFileName(span.Path),
            span.StartLinePosition.Line + 1,
            span.StartLinePosition.Character + 1,
            severity == "info" ? "info" : severity,
            diagnostic.Id,
            diagnostic.GetMessage(CultureInfo.InvariantCulture));
    }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private sealed class DiskText(string path) : AdditionalText
    {
        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) =>
            SourceText.From(File.ReadAllText(Path), Encoding.UTF8);
    }

    private sealed class OptionsProvider(Dictionary<string, string> global, Dictionary<string, Dictionary<string, string>> perFile) : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions { get; } = new Options(global);

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => new Options(new Dictionary<string, string>());

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) =>
            new Options(perFile.TryGetValue(textFile.Path, out var options) ? options : new Dictionary<string, string>());
    }

    private sealed class Options(Dictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value) =>
            values.TryGetValue(key, out value);
    }
}
