using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using Contrail.Analyzers.Propagation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Diagnostics.Telemetry;
using Xunit;

namespace Contrail.Analyzers.Tests.Propagation;

/// <summary>The analyzer registers nothing where it has nothing to check.</summary>
public sealed class PropagationRegistrationTests
{
    private const string NoGrpc = """
        using System.Threading;
        using System.Threading.Tasks;
        public sealed class Worker
        {
            public async Task RunAsync() { await Task.Delay(10); _ = Task.Run(() => { }); }
        }
        """;

    [Fact]
    public void Without_grpc_nothing_is_registered_after_compilation_start()
    {
        var references = PropagationTestCompilation.References.Where(r => Path.GetFileName(r.Display ?? "") is not ("Grpc.Core.Api.dll" or "Grpc.Net.Common.dll" or "Google.Protobuf.dll" or "Contrail.Testing.Protos.dll"));
        var compilation = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create(
            "NoGrpc",
            new[] { Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(NoGrpc) },
            references,
            new Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        Assert.Null(compilation.GetTypeByMetadataName("Grpc.Core.ServerCallContext"));

        var telemetry = Telemetry(compilation);

        Assert.Equal(1, telemetry.CompilationStartActionsCount);
        Assert.Equal(0, telemetry.SymbolStartActionsCount);
        Assert.Equal(0, telemetry.OperationBlockStartActionsCount);
        Assert.Equal(0, telemetry.OperationActionsCount);
    }

    [Fact]
    public void With_grpc_the_per_type_action_is_registered()
    {
        var compilation = PropagationTestCompilation.Create(new[]
        {
            PropagationTestCompilation.InService(PropagationCorpus.Unary("await _repo.FindAsync(request.Name, context.CancellationToken);")),
            PropagationTestCompilation.Repository,
        });

        var telemetry = Telemetry(compilation);

        Assert.Equal(1, telemetry.CompilationStartActionsCount);
        Assert.Equal(1, telemetry.SymbolStartActionsCount);
    }

    private static AnalyzerTelemetryInfo Telemetry(Compilation compilation)
    {
        var analyzer = new ContextPropagationAnalyzer();
        var withAnalyzers = compilation.WithAnalyzers(
            ImmutableArray.Create<DiagnosticAnalyzer>(analyzer),
            new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: false));
        var diagnostics = withAnalyzers.GetAllDiagnosticsAsync().GetAwaiter().GetResult();
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001" || d.Id.StartsWith("CTR1", StringComparison.Ordinal));
        return withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None).GetAwaiter().GetResult();
    }
}
