using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Contrail.Analyzers.Diagnostics;
using Contrail.Analyzers.Propagation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace Contrail.CodeFixes.Propagation;

/// <summary>CTR1001: passes the call's token (or the token in scope derived from it) to the call.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(CancellationNotPassedCodeFix))]
[Shared]
public sealed class CancellationNotPassedCodeFix : CodeFixProvider
{
    /// <summary>The equivalence key shared by every CTR1001 fix, so Fix All gathers them.</summary>
    public const string EquivalenceKey = "Contrail.CTR1001.PassCallToken";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.CancellationNotPassed);

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => PropagationFixAllProvider.Instance;

    /// <inheritdoc />
    public override Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(PropagationWalker.TokenProperty, out var token) || token is null)
            {
                continue;
            }

            var document = context.Document;
            context.RegisterCodeFix(
                CodeAction.Create($"Pass '{token}'", ct => PropagationFixer.FixAsync(document, new[] { diagnostic }, ct), EquivalenceKey),
                diagnostic);
        }

        return Task.CompletedTask;
    }
}
