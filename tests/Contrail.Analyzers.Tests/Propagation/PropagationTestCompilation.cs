using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text;
using Contrail.Analyzers.Propagation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace Contrail.Analyzers.Tests.Propagation;

/// <summary>
/// Compiles test sources the way a service project compiles (the running framework, the real Grpc.Core.Api
/// and Grpc.Tools' output for <c>greeter.proto</c> in Contrail.Testing.Protos), runs <see cref="ContextPropagationAnalyzer"/> through <see cref="CompilationWithAnalyzers"/>
/// and compares ID, span and message against <c>{|CTR1001:...|}</c> markup.
/// </summary>
internal static class PropagationTestCompilation
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> s_references = new(LoadReferences);

    public static ImmutableArray<MetadataReference> References => s_references.Value;

    /// <summary>A data-access surface with the token shapes CTR1001 knows about.</summary>
    public const string Repository = """
        #nullable enable
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;

        namespace Shop
        {
            public interface IOrderRepository
            {
                Task<string?> FindAsync(string id, CancellationToken cancellationToken = default);

                Task SaveAsync(string id);

                Task SaveAsync(string id, CancellationToken cancellationToken);

                IAsyncEnumerable<string> StreamAsync(CancellationToken cancellationToken = default);

                IAsyncEnumerable<string> All { get; }

                void Touch(string id);

                Task LogAsync(string message);
            }
        }
        """;

    /// <summary>Wraps class members into a service that derives from the generated base.</summary>
    public static string InService(string members) => $$"""
        #nullable enable
        using System;
        using System.Collections.Concurrent;
        using System.Collections.Generic;
        using System.Diagnostics;
        using System.Linq;
        using System.Threading;
        using System.Threading.Tasks;
        using Grpc.Core;

        namespace Shop
        {
            public sealed class GreeterService : Greeter.GreeterBase
            {
                private static readonly ActivitySource Source = new("Shop");
                private readonly IOrderRepository _repo;
                private readonly Greeter.GreeterClient _client;

                public GreeterService(IOrderRepository repo, Greeter.GreeterClient client)
                {
                    _repo = repo;
                    _client = client;
                }

        {{members}}
            }
        }
        """;

    public static CSharpCompilation Create(IEnumerable<string> sources, string assemblyName = "PropagationTests")
    {
        var parseOptions = CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Latest);
        var trees = sources.Select((source, i) => CSharpSyntaxTree.ParseText(source, parseOptions, path: $"Source{i}.cs", encoding: Encoding.UTF8));
        var options = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary)
            .WithNullableContextOptions(NullableContextOptions.Enable)
            .WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic>
            {
                ["CS1701"] = ReportDiagnostic.Suppress,
                ["CS1702"] = ReportDiagnostic.Suppress,
            });
        return CSharpCompilation.Create(assemblyName, trees, References, options);
    }

    /// <summary>Runs the analyzer; <paramref name="editorConfig"/> lines become global analyzer options.</summary>
    public static ImmutableArray<Diagnostic> Analyze(Compilation compilation, IReadOnlyDictionary<string, string>? editorConfig = null)
    {
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, "the test source must compile:\n" + string.Join("\n", errors.Select(Format)));
        var provider = new TestOptionsProvider(editorConfig ?? new Dictionary<string, string>());
        var analyzerOptions = new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, provider);
        var withAnalyzers = compilation.WithAnalyzers(
            ImmutableArray.Create<DiagnosticAnalyzer>(new ContextPropagationAnalyzer()),
            new CompilationWithAnalyzersOptions(analyzerOptions, onAnalyzerException: null, concurrentAnalysis: true, logAnalyzerExecutionTime: false, reportSuppressedDiagnostics: false));
        var all = withAnalyzers.GetAllDiagnosticsAsync().GetAwaiter().GetResult();
        var crashes = all.Where(d => d.Id == "AD0001").ToList();
        Assert.True(crashes.Count == 0, "the analyzer threw:\n" + string.Join("\n", crashes.Select(Format)));
        return all.Where(d => d.Id.StartsWith("CTR1", StringComparison.Ordinal))
            .OrderBy(d => d.Location.SourceTree?.FilePath, StringComparer.Ordinal)
            .ThenBy(d => d.Location.SourceSpan.Start)
            .ThenBy(d => d.Id, StringComparer.Ordinal)
            .ToImmutableArray();
    }

    /// <summary>
    /// Asserts, through Microsoft.CodeAnalysis.Testing, that the analyzer reports exactly the marked spans of
    /// <paramref name="markedSource"/> with <paramref name="messages"/> in span order, that the other sources
    /// produce nothing, and that everything compiles.
    /// </summary>
    public static void Verify(string markedSource, string[] messages, IReadOnlyDictionary<string, string>? editorConfig = null, params string[] otherSources)
    {
        var (source, expected) = PropagationMarkup.Parse(markedSource);
        Assert.True(expected.Length == messages.Length, $"{expected.Length} marked spans but {messages.Length} messages");
        var test = new AnalyzerTest();
        test.TestState.Sources.Add(("/0/Test0.cs", source));
        test.TestState.Sources.Add(("/0/Repository.cs", Repository));
        for (var i = 0; i < otherSources.Length; i++)
        {
            test.TestState.Sources.Add(($"/0/Other{i}.cs", otherSources[i]));
        }

        if (editorConfig is { Count: > 0 })
        {
            test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\n" + string.Concat(editorConfig.Select(e => $"{e.Key} = {e.Value}\n"))));
        }

        var text = SourceText.From(source);
        var severities = new ContextPropagationAnalyzer().SupportedDiagnostics.ToDictionary(d => d.Id, d => d.DefaultSeverity);
        for (var i = 0; i < expected.Length; i++)
        {
            var lines = text.Lines.GetLinePositionSpan(expected[i].Span);
            test.ExpectedDiagnostics.Add(new DiagnosticResult(expected[i].Id, severities[expected[i].Id])
                .WithSpan("/0/Test0.cs", lines.Start.Line + 1, lines.Start.Character + 1, lines.End.Line + 1, lines.End.Character + 1)
                .WithMessage(messages[i]));
        }

        test.RunAsync().GetAwaiter().GetResult();
    }

    /// <summary>
    /// An analyzer test on the running framework's assemblies, the real Grpc.Core.Api and the Greeter that
    /// Grpc.Tools generated (<see cref="References"/>), C# latest with nullable on.
    /// </summary>
    private sealed class AnalyzerTest : CSharpAnalyzerTest<ContextPropagationAnalyzer, DefaultVerifier>
    {
        public AnalyzerTest()
        {
            // No reference-assembly package to resolve (there is no network here): the references are explicit.
            ReferenceAssemblies = new ReferenceAssemblies("net10.0");
            TestState.AdditionalReferences.AddRange(References);
            // The marked spans are taken out before the test runs: the messages are checked too.
            TestState.MarkupHandling = MarkupMode.None;
        }

        protected override ParseOptions CreateParseOptions() =>
            ((CSharpParseOptions)base.CreateParseOptions()).WithLanguageVersion(LanguageVersion.Latest);

        protected override CompilationOptions CreateCompilationOptions() =>
            ((CSharpCompilationOptions)base.CreateCompilationOptions())
                .WithNullableContextOptions(NullableContextOptions.Enable)
                .WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic>
                {
                    ["CS1701"] = ReportDiagnostic.Suppress,
                    ["CS1702"] = ReportDiagnostic.Suppress,
                });
    }

    public static string Format(Diagnostic diagnostic) =>
        $"{diagnostic.Id} {diagnostic.Location.GetLineSpan()}: {diagnostic.GetMessage()}";

    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        var trusted = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        return trusted
            .Where(path => Path.GetFileName(path) is var name
                && (name.StartsWith("System.", StringComparison.Ordinal)
                    || name.StartsWith("Microsoft.Extensions.", StringComparison.Ordinal)
                    || name is "netstandard.dll" or "mscorlib.dll"
                    || name is "Grpc.Core.Api.dll" or "Grpc.Net.Common.dll" or "Google.Protobuf.dll" or "Contrail.Testing.Protos.dll"))
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray();
    }

    private sealed class TestOptionsProvider : AnalyzerConfigOptionsProvider
    {
        private readonly TestOptions _options;

        public TestOptionsProvider(IReadOnlyDictionary<string, string> values) => _options = new TestOptions(values);

        public override AnalyzerConfigOptions GlobalOptions => _options;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => _options;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => _options;
    }

    private sealed class TestOptions : AnalyzerConfigOptions
    {
        private readonly IReadOnlyDictionary<string, string> _values;

        public TestOptions(IReadOnlyDictionary<string, string> values) => _values = values;

        public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value) =>
            _values.TryGetValue(key, out value);
    }
}

/// <summary>Parses <c>{|CTR1001:text|}</c> markup (nesting allowed) into plain source and expected spans.</summary>
internal static class PropagationMarkup
{
    public static (string Source, (string Id, TextSpan Span)[] Expected) Parse(string marked)
    {
        var output = new StringBuilder(marked.Length);
        var open = new Stack<(string Id, int Start)>();
        var spans = new List<(string Id, TextSpan Span)>();
        for (var i = 0; i < marked.Length; i++)
        {
            if (marked[i] == '{' && i + 1 < marked.Length && marked[i + 1] == '|')
            {
                var colon = marked.IndexOf(':', i + 2);
                open.Push((marked.Substring(i + 2, colon - i - 2), output.Length));
                i = colon;
            }
            else if (marked[i] == '|' && i + 1 < marked.Length && marked[i + 1] == '}' && open.Count > 0)
            {
                var (id, start) = open.Pop();
                spans.Add((id, TextSpan.FromBounds(start, output.Length)));
                i++;
            }
            else
            {
                output.Append(marked[i]);
            }
        }

        Assert.True(open.Count == 0, "unclosed markup");
        return (output.ToString(), spans.OrderBy(s => s.Span.Start).ThenBy(s => s.Id, StringComparer.Ordinal).ToArray());
    }
}
