using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Contrail.Analyzers.Diagnostics;
using Contrail.Analyzers.Propagation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace Contrail.CodeFixes.Propagation;

/// <summary>
/// CTR1002: gives an outgoing gRPC call the incoming call's deadline and cancellation, as
/// <c>deadline:</c>/<c>cancellationToken:</c> arguments or on the <c>CallOptions</c> passed.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ClientCallDeadlineCodeFix))]
[Shared]
public sealed class ClientCallDeadlineCodeFix : CodeFixProvider
{
    /// <summary>The equivalence key shared by every CTR1002 fix, so Fix All gathers them.</summary>
    public const string EquivalenceKey = "Contrail.CTR1002.PassDeadlineAndCancellation";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.ClientCallWithoutDeadline);

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => PropagationFixAllProvider.Instance;

    /// <inheritdoc />
    public override Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(PropagationWalker.ContextProperty, out var callContext) || callContext is null)
            {
                continue;
            }

            var document = context.Document;
            context.RegisterCodeFix(
                CodeAction.Create($"Pass the deadline and cancellation of '{callContext}'", ct => PropagationFixer.FixAsync(document, new[] { diagnostic }, ct), EquivalenceKey),
                diagnostic);
        }

        return Task.CompletedTask;
    }
}
