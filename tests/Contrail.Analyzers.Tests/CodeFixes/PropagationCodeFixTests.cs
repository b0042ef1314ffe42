using System;
using System.Linq;
using System.Threading.Tasks;
using Contrail.Analyzers.Propagation;
using Contrail.Analyzers.Tests.Propagation;
using Contrail.CodeFixes.Propagation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using static Contrail.Analyzers.Tests.Propagation.PropagationCorpus;
using static Contrail.Analyzers.Tests.Propagation.PropagationTestCompilation;

namespace Contrail.Analyzers.Tests.CodeFixes;

/// <summary>
/// The CTR1001 and CTR1002 fixes through Microsoft.CodeAnalysis.Testing: the marked span must be reported,
/// the single fix and Fix All (document and project) must give the expected sources, and the fixed
/// project must compile and report nothing.
/// </summary>
public sealed class PropagationCodeFixTests
{
    [Theory]
    [InlineData("await {|CTR1001:_repo.FindAsync(request.Name)|};", "await _repo.FindAsync(request.Name, context.CancellationToken);")]
    [InlineData("await {|CTR1001:_repo.FindAsync(id: request.Name)|};", "await _repo.FindAsync(id: request.Name, cancellationToken: context.CancellationToken);")]
    [InlineData("await _repo.FindAsync(request.Name, {|CTR1001:CancellationToken.None|});", "await _repo.FindAsync(request.Name, context.CancellationToken);")]
    [InlineData("var ct = context.CancellationToken;\nawait _repo.FindAsync(request.Name, {|CTR1001:default|});", "var ct = context.CancellationToken;\nawait _repo.FindAsync(request.Name, ct);")]
    [InlineData("await {|CTR1001:_repo.SaveAsync(request.Name)|};", "await _repo.SaveAsync(request.Name, context.CancellationToken);")]
    [InlineData("await {|CTR1001:Task.Delay(100)|};", "await Task.Delay(100, context.CancellationToken);")]
    [InlineData("await foreach (var id in {|CTR1001:_repo.All|}) { }", "await foreach (var id in _repo.All.WithCancellation(context.CancellationToken)) { }")]
    [InlineData("await foreach (var id in {|CTR1001:_repo.All.ConfigureAwait(false)|}) { }", "await foreach (var id in _repo.All.ConfigureAwait(false).WithCancellation(context.CancellationToken)) { }")]
    [InlineData("using var cts = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken);\nawait {|CTR1001:_repo.FindAsync(request.Name)|};", "using var cts = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken);\nawait _repo.FindAsync(request.Name, cts.Token);")]
    public Task Ctr1001_fix_passes_the_call_token(string before, string after) =>
        VerifyFixAsync<CancellationNotPassedCodeFix>(CancellationNotPassedCodeFix.EquivalenceKey, Unary(before), Unary(after));

    [Theory]
    [InlineData("await {|CTR1002:_client.SayHelloAsync(new HelloRequest())|};", "await _client.SayHelloAsync(new HelloRequest(), deadline: context.Deadline, cancellationToken: context.CancellationToken);")]
    [InlineData("var reply = {|CTR1002:_client.SayHello(new HelloRequest(), headers: new Metadata())|};", "var reply = _client.SayHello(new HelloRequest(), headers: new Metadata(), deadline: context.Deadline, cancellationToken: context.CancellationToken);")]
    [InlineData("await {|CTR1002:_client.SayHelloAsync(new HelloRequest(), cancellationToken: CancellationToken.None)|};", "await _client.SayHelloAsync(new HelloRequest(), cancellationToken: context.CancellationToken, deadline: context.Deadline);")]
    [InlineData("await {|CTR1002:_client.SayHelloAsync(new HelloRequest(), deadline: DateTime.UtcNow.AddSeconds(5))|};", "await _client.SayHelloAsync(new HelloRequest(), deadline: DateTime.UtcNow.AddSeconds(5), cancellationToken: context.CancellationToken);")]
    [InlineData("using var call = {|CTR1002:_client.Chat()|};", "using var call = _client.Chat(deadline: context.Deadline, cancellationToken: context.CancellationToken);")]
    [InlineData("await {|CTR1002:_client.SayHelloAsync(new HelloRequest(), new CallOptions())|};", "await _client.SayHelloAsync(new HelloRequest(), new CallOptions(deadline: context.Deadline, cancellationToken: context.CancellationToken));")]
    [InlineData("var options = new CallOptions(headers: new Metadata());\nawait {|CTR1002:_client.SayHelloAsync(new HelloRequest(), options)|};", "var options = new CallOptions(headers: new Metadata());\nawait _client.SayHelloAsync(new HelloRequest(), options.WithDeadline(context.Deadline).WithCancellationToken(context.CancellationToken));")]
    [InlineData("var ct = context.CancellationToken;\nawait {|CTR1002:_client.SayHelloAsync(new HelloRequest())|};", "var ct = context.CancellationToken;\nawait _client.SayHelloAsync(new HelloRequest(), deadline: context.Deadline, cancellationToken: ct);")]
    public Task Ctr1002_fix_passes_deadline_and_cancellation(string before, string after) =>
        VerifyFixAsync<ClientCallDeadlineCodeFix>(ClientCallDeadlineCodeFix.EquivalenceKey, Unary(before), Unary(after));

    [Fact]
    public Task Ctr1001_fix_adds_the_using_WithCancellation_needs() =>
        VerifyFixAsync<CancellationNotPassedCodeFix>(
            CancellationNotPassedCodeFix.EquivalenceKey,
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
                        await foreach (var item in {|CTR1001:_items|}) { }
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
    public Task Ctr1001_fix_all_in_document_fixes_nested_and_sibling_calls() =>
        new FixTest<CancellationNotPassedCodeFix>
        {
            TestState = { Sources = { InService(Unary("var first = await {|CTR1001:_repo.FindAsync((await {|CTR1001:_repo.FindAsync(request.Name)|})!)|};\nawait {|CTR1001:Task.Delay(5)|};\nawait _repo.SaveAsync(request.Name, {|CTR1001:CancellationToken.None|});")), Repository } },
            FixedState = { Sources = { InService(Unary("var first = await _repo.FindAsync((await _repo.FindAsync(request.Name, context.CancellationToken))!, context.CancellationToken);\nawait Task.Delay(5, context.CancellationToken);\nawait _repo.SaveAsync(request.Name, context.CancellationToken);")), Repository } },
            // One fix per diagnostic would need two rounds for the nested call; Fix All does it in one.
            NumberOfIncrementalIterations = 4,
            NumberOfFixAllInDocumentIterations = 1,
            CodeActionEquivalenceKey = CancellationNotPassedCodeFix.EquivalenceKey,
        }.RunAsync();

    [Fact]
    public Task Ctr1002_fix_all_in_project_fixes_every_document()
    {
        const string Relay = """
            using System.Threading.Tasks;
            using Grpc.Core;

            namespace Shop
            {
                public sealed class Relay : Greeter.GreeterBase
                {
                    private readonly Greeter.GreeterClient _client;
                    public Relay(Greeter.GreeterClient client) => _client = client;
                    public override async Task<HelloReply> SayHello(HelloRequest request, ServerCallContext call) => await {|CTR1002:_client.SayHelloAsync(request)|};
                }
            }
            """;
        return new FixTest<ClientCallDeadlineCodeFix>
        {
            TestState =
            {
                Sources =
                {
                    InService(Unary("await {|CTR1002:_client.SayHelloAsync(new HelloRequest())|};\nusing var call = {|CTR1002:_client.Collect()|};")),
                    Repository,
                    Relay,
                },
            },
            FixedState =
            {
                Sources =
                {
                    InService(Unary("await _client.SayHelloAsync(new HelloRequest(), deadline: context.Deadline, cancellationToken: context.CancellationToken);\nusing var call = _client.Collect(deadline: context.Deadline, cancellationToken: context.CancellationToken);")),
                    Repository,
                    Relay.Replace("{|CTR1002:_client.SayHelloAsync(request)|}", "_client.SayHelloAsync(request, deadline: call.Deadline, cancellationToken: call.CancellationToken)", StringComparison.Ordinal),
                },
            },
            NumberOfFixAllInProjectIterations = 1,
            CodeActionEquivalenceKey = ClientCallDeadlineCodeFix.EquivalenceKey,
        }.RunAsync();
    }

    [Fact]
    public void Fixes_support_fix_all_and_share_an_equivalence_key()
    {
        Assert.Same(PropagationFixAllProvider.Instance, new CancellationNotPassedCodeFix().GetFixAllProvider());
        Assert.Same(PropagationFixAllProvider.Instance, new ClientCallDeadlineCodeFix().GetFixAllProvider());
        Assert.Contains(FixAllScope.Project, PropagationFixAllProvider.Instance.GetSupportedFixAllScopes());
    }

    private static Task VerifyFixAsync<TFix>(string key, string before, string after, bool wrap = true)
        where TFix : CodeFixProvider, new() =>
        new FixTest<TFix>
        {
            TestState = { Sources = { wrap ? InService(before) : before, Repository } },
            FixedState = { Sources = { wrap ? InService(after) : after, Repository } },
            CodeActionEquivalenceKey = key,
        }.RunAsync();

    /// <summary>
    /// A code-fix test on the running framework's assemblies, the real Grpc.Core.Api and the Greeter
    /// that Grpc.Tools generated (<see cref="PropagationTestCompilation.References"/>), C# latest with
    /// nullable on. The fixed state must compile: the framework's default checks compiler errors there.
    /// </summary>
    private sealed class FixTest<TFix> : CSharpCodeFixTest<ContextPropagationAnalyzer, TFix, DefaultVerifier>
        where TFix : CodeFixProvider, new()
    {
        public FixTest()
        {
            // No reference-assembly package to resolve (there is no network here): the references are explicit.
            ReferenceAssemblies = new ReferenceAssemblies("net10.0");
            TestState.AdditionalReferences.AddRange(References);
            FixedState.AdditionalReferences.AddRange(References);
        }

        protected override ParseOptions CreateParseOptions() =>
            ((CSharpParseOptions)base.CreateParseOptions()).WithLanguageVersion(LanguageVersion.Latest);

        protected override CompilationOptions CreateCompilationOptions() =>
            ((CSharpCompilationOptions)base.CreateCompilationOptions())
                .WithNullableContextOptions(NullableContextOptions.Enable)
                .WithSpecificDiagnosticOptions(new[]
                {
                    new System.Collections.Generic.KeyValuePair<string, ReportDiagnostic>("CS1701", ReportDiagnostic.Suppress),
                    new System.Collections.Generic.KeyValuePair<string, ReportDiagnostic>("CS1702", ReportDiagnostic.Suppress),
                });
    }
}
