using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Contrail.Analyzers.Propagation;
using Contrail.Analyzers.Tests.Propagation;
using Contrail.CodeFixes.Propagation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Xunit;
using static Contrail.Analyzers.Tests.Propagation.PropagationCorpus;
using static Contrail.Analyzers.Tests.Propagation.PropagationTestCompilation;

namespace Contrail.Analyzers.Tests.CodeFixes;

/// <summary>
/// The CTR1001 and CTR1002 fixes applied in an <see cref="AdhocWorkspace"/>: the whole fixed document is
/// compared, and the fixed project must compile and no longer report the diagnostic.
/// </summary>
public sealed class PropagationCodeFixTests
{
    [Theory]
    [InlineData("await _repo.FindAsync(request.Name);", "await _repo.FindAsync(request.Name, context.CancellationToken);")]
    [InlineData("await _repo.FindAsync(id: request.Name);", "await _repo.FindAsync(id: request.Name, cancellationToken: context.CancellationToken);")]
    [InlineData("await _repo.FindAsync(request.Name, CancellationToken.None);", "await _repo.FindAsync(request.Name, context.CancellationToken);")]
    [InlineData("var ct = context.CancellationToken;\nawait _repo.FindAsync(request.Name, default);", "var ct = context.CancellationToken;\nawait _repo.FindAsync(request.Name, ct);")]
    [InlineData("await _repo.SaveAsync(request.Name);", "await _repo.SaveAsync(request.Name, context.CancellationToken);")]
    [InlineData("await Task.Delay(100);", "await Task.Delay(100, context.CancellationToken);")]
    [InlineData("await foreach (var id in _repo.All) { }", "await foreach (var id in _repo.All.WithCancellation(context.CancellationToken)) { }")]
    [InlineData("await foreach (var id in _repo.All.ConfigureAwait(false)) { }", "await foreach (var id in _repo.All.ConfigureAwait(false).WithCancellation(context.CancellationToken)) { }")]
    [InlineData("using var cts = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken);\nawait _repo.FindAsync(request.Name);", "using var cts = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken);\nawait _repo.FindAsync(request.Name, cts.Token);")]
    public Task Ctr1001_fix_passes_the_call_token(string before, string after) =>
        VerifyFixAsync(new CancellationNotPassedCodeFix(), "CTR1001", Unary(before), Unary(after));

    [Theory]
    [InlineData("await _client.SayHelloAsync(new HelloRequest());", "await _client.SayHelloAsync(new HelloRequest(), deadline: context.Deadline, cancellationToken: context.CancellationToken);")]
    [InlineData("var reply = _client.SayHello(new HelloRequest(), headers: new Metadata());", "var reply = _client.SayHello(new HelloRequest(), headers: new Metadata(), deadline: context.Deadline, cancellationToken: context.CancellationToken);")]
    [InlineData("await _client.SayHelloAsync(new HelloRequest(), cancellationToken: CancellationToken.None);", "await _client.SayHelloAsync(new HelloRequest(), cancellationToken: context.CancellationToken, deadline: context.Deadline);")]
    [InlineData("await _client.SayHelloAsync(new HelloRequest(), deadline: DateTime.UtcNow.AddSeconds(5));", "await _client.SayHelloAsync(new HelloRequest(), deadline: DateTime.UtcNow.AddSeconds(5), cancellationToken: context.CancellationToken);")]
    [InlineData("using var call = _client.Chat();", "using var call = _client.Chat(deadline: context.Deadline, cancellationToken: context.CancellationToken);")]
    [InlineData("await _client.SayHelloAsync(new HelloRequest(), new CallOptions());", "await _client.SayHelloAsync(new HelloRequest(), new CallOptions(deadline: context.Deadline, cancellationToken: context.CancellationToken));")]
    [InlineData("var options = new CallOptions(headers: new Metadata());\nawait _client.SayHelloAsync(new HelloRequest(), options);", "var options = new CallOptions(headers: new Metadata());\nawait _client.SayHelloAsync(new HelloRequest(), options.WithDeadline(context.Deadline).WithCancellationToken(context.CancellationToken));")]
    [InlineData("var ct = context.CancellationToken;\nawait _client.SayHelloAsync(new HelloRequest());", "var ct = context.CancellationToken;\nawait _client.SayHelloAsync(new HelloRequest(), deadline: context.Deadline, cancellationToken: ct);")]
    public Task Ctr1002_fix_passes_deadline_and_cancellation(string before, string after) =>
        VerifyFixAsync(new ClientCallDeadlineCodeFix(), "CTR1002", Unary(before), Unary(after));

    [Fact]
    public Task Ctr1001_fix_adds_the_using_WithCancellation_needs() =>
        VerifyFixAsync(
            new CancellationNotPassedCodeFix(),
            "CTR1001",
            """
            using System.Collections.Generic;
            using Grpc.Core;

            namespace Shop
            {
                public sealed class Streamer : Greeter.GreeterBase
                {
                    private readonly IAsyncEnumerable<string> _items;
                    public Streamer(IAsyncEnumerable<string> items) => _items = items;
                    public override async System.Threading.Tasks.Task SayHellos(HelloRequest request, IServerStreamWriter<HelloReply> responseStream, ServerCallContext context)
                    {
                        await foreach (var item in _items) { }
                    }
                }
            }
            """,
            """
            using System.Collections.Generic;
            using Grpc.Core;
            using System.Threading.Tasks;

            namespace Shop
            {
                public sealed class Streamer : Greeter.GreeterBase
                {
                    private readonly IAsyncEnumerable<string> _items;
                    public Streamer(IAsyncEnumerable<string> items) => _items = items;
                    public override async System.Threading.Tasks.Task SayHellos(HelloRequest request, IServerStreamWriter<HelloReply> responseStream, ServerCallContext context)
                    {
                        await foreach (var item in _items.WithCancellation(context.CancellationToken)) { }
                    }
                }
            }
            """,
            wrap: false);

    [Fact]
    public async Task Ctr1001_fix_all_in_document_fixes_nested_and_sibling_calls()
    {
        var before = Unary("var first = await _repo.FindAsync((await _repo.FindAsync(request.Name))!);\nawait Task.Delay(5);\nawait _repo.SaveAsync(request.Name, CancellationToken.None);");
        var after = Unary("var first = await _repo.FindAsync((await _repo.FindAsync(request.Name, context.CancellationToken))!, context.CancellationToken);\nawait Task.Delay(5, context.CancellationToken);\nawait _repo.SaveAsync(request.Name, context.CancellationToken);");
        var (workspace, document) = CreateDocument(InService(before));
        using (workspace)
        {
            var fixedDocument = await FixAllAsync(new CancellationNotPassedCodeFix(), CancellationNotPassedCodeFix.EquivalenceKey, "CTR1001", document, FixAllScope.Document);
            Assert.Equal(Normalize(InService(after)), Normalize((await fixedDocument.GetTextAsync()).ToString()));
            await AssertNoDiagnosticAsync(fixedDocument.Project, "CTR1001");
        }
    }

    [Fact]
    public async Task Ctr1002_fix_all_in_project_fixes_every_document()
    {
        var first = Unary("await _client.SayHelloAsync(new HelloRequest());\nusing var call = _client.Collect();");
        var second = """
            using System.Threading.Tasks;
            using Grpc.Core;

            namespace Shop
            {
                public sealed class Relay : Greeter.GreeterBase
                {
                    private readonly Greeter.GreeterClient _client;
                    public Relay(Greeter.GreeterClient client) => _client = client;
                    public override async Task<HelloReply> SayHello(HelloRequest request, ServerCallContext call) => await _client.SayHelloAsync(request);
                }
            }
            """;
        var (workspace, document) = CreateDocument(InService(first), second);
        using (workspace)
        {
            var fixedDocument = await FixAllAsync(new ClientCallDeadlineCodeFix(), ClientCallDeadlineCodeFix.EquivalenceKey, "CTR1002", document, FixAllScope.Project);
            var project = fixedDocument.Project;
            Assert.Equal(
                Normalize(InService(Unary("await _client.SayHelloAsync(new HelloRequest(), deadline: context.Deadline, cancellationToken: context.CancellationToken);\nusing var call = _client.Collect(deadline: context.Deadline, cancellationToken: context.CancellationToken);"))),
                Normalize((await project.GetDocument(document.Id)!.GetTextAsync()).ToString()));
            var relay = project.Documents.Single(d => d.Name == "Extra0.cs");
            Assert.Equal(
                Normalize(second.Replace("_client.SayHelloAsync(request)", "_client.SayHelloAsync(request, deadline: call.Deadline, cancellationToken: call.CancellationToken)", StringComparison.Ordinal)),
                Normalize((await relay.GetTextAsync()).ToString()));
            await AssertNoDiagnosticAsync(project, "CTR1002");
        }
    }

    [Fact]
    public void Fixes_support_fix_all_and_share_an_equivalence_key()
    {
        Assert.Same(PropagationFixAllProvider.Instance, new CancellationNotPassedCodeFix().GetFixAllProvider());
        Assert.Same(PropagationFixAllProvider.Instance, new ClientCallDeadlineCodeFix().GetFixAllProvider());
        Assert.Contains(FixAllScope.Project, PropagationFixAllProvider.Instance.GetSupportedFixAllScopes());
    }

    private static async Task VerifyFixAsync(CodeFixProvider provider, string id, string before, string after, bool wrap = true)
    {
        var source = wrap ? InService(before) : before;
        var expected = wrap ? InService(after) : after;
        var (workspace, document) = CreateDocument(source);
        using (workspace)
        {
            var diagnostics = (await AnalyzeAsync(document.Project)).Where(d => d.Id == id).ToList();
            Assert.Single(diagnostics);
            var actions = new List<CodeAction>();
            var context = new CodeFixContext(document, diagnostics[0], (action, _) => actions.Add(action), CancellationToken.None);
            await provider.RegisterCodeFixesAsync(context);
            var action = Assert.Single(actions);
            Assert.Equal(provider is CancellationNotPassedCodeFix ? CancellationNotPassedCodeFix.EquivalenceKey : ClientCallDeadlineCodeFix.EquivalenceKey, action.EquivalenceKey);
            var operations = await action.GetOperationsAsync(CancellationToken.None);
            var solution = operations.OfType<ApplyChangesOperation>().Single().ChangedSolution;
            var fixedDocument = solution.GetDocument(document.Id)!;
            Assert.Equal(Normalize(expected), Normalize((await fixedDocument.GetTextAsync()).ToString()));
            await AssertNoDiagnosticAsync(fixedDocument.Project, id);
        }
    }

    private static async Task<Document> FixAllAsync(CodeFixProvider provider, string key, string id, Document document, FixAllScope scope)
    {
        var fixAll = provider.GetFixAllProvider()!;
        var diagnosticProvider = new ProjectDiagnostics();
        var context = scope == FixAllScope.Document
            ? new FixAllContext(document, provider, scope, key, new[] { id }, diagnosticProvider, CancellationToken.None)
            : new FixAllContext(document.Project, provider, scope, key, new[] { id }, diagnosticProvider, CancellationToken.None);
        var action = await fixAll.GetFixAsync(context);
        Assert.NotNull(action);
        var operations = await action!.GetOperationsAsync(CancellationToken.None);
        return operations.OfType<ApplyChangesOperation>().Single().ChangedSolution.GetDocument(document.Id)!;
    }

    private static async Task AssertNoDiagnosticAsync(Project project, string id)
    {
        var compilation = (await project.GetCompilationAsync())!;
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, "the fixed code must compile:\n" + string.Join("\n", errors.Select(PropagationTestCompilation.Format)));
        var remaining = (await AnalyzeAsync(project)).Where(d => d.Id == id).ToList();
        Assert.True(remaining.Count == 0, "the fix must remove the diagnostic:\n" + string.Join("\n", remaining.Select(PropagationTestCompilation.Format)));
    }

    private static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(Project project)
    {
        var compilation = (await project.GetCompilationAsync())!;
        return await compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new ContextPropagationAnalyzer())).GetAnalyzerDiagnosticsAsync();
    }

    private static (AdhocWorkspace Workspace, Document Document) CreateDocument(string source, params string[] extra)
    {
        var workspace = new AdhocWorkspace();
        var projectId = ProjectId.CreateNewId();
        var solution = workspace.CurrentSolution
            .AddProject(ProjectInfo.Create(projectId, VersionStamp.Create(), "Fixes", "Fixes", LanguageNames.CSharp)
                .WithCompilationOptions(new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable))
                .WithParseOptions(CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Latest))
                .WithMetadataReferences(PropagationTestCompilation.References));
        var documentId = DocumentId.CreateNewId(projectId);
        solution = solution.AddDocument(documentId, "Service.cs", SourceText.From(source))
            .AddDocument(DocumentId.CreateNewId(projectId), "Repository.cs", SourceText.From(PropagationTestCompilation.Repository));
        for (var i = 0; i < extra.Length; i++)
        {
            solution = solution.AddDocument(DocumentId.CreateNewId(projectId), $"Extra{i}.cs", SourceText.From(extra[i]));
        }

        Assert.True(workspace.TryApplyChanges(solution));
        return (workspace, workspace.CurrentSolution.GetDocument(documentId)!);
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal);

    private sealed class ProjectDiagnostics : FixAllContext.DiagnosticProvider
    {
        public override async Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            await AnalyzeAsync(project);

        public override async Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken)
        {
            var tree = await document.GetSyntaxTreeAsync(cancellationToken);
            return (await AnalyzeAsync(document.Project)).Where(d => d.Location.SourceTree == tree);
        }

        public override async Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            (await AnalyzeAsync(project)).Where(d => !d.Location.IsInSource);
    }
}
