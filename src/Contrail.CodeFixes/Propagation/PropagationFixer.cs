using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Contrail.Analyzers.Diagnostics;
using Contrail.Analyzers.Propagation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Operations;

namespace Contrail.CodeFixes.Propagation;

/// <summary>
/// The edits behind the CTR1001 and CTR1002 fixes. One document is fixed with one
/// <see cref="SyntaxEditor"/> whatever the number of diagnostics, so Fix All handles nested calls (a
/// call in another call's argument) without conflicting text changes.
/// </summary>
internal static class PropagationFixer
{
    public static async Task<Document> FixAsync(Document document, IEnumerable<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var semanticModel = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || semanticModel is null)
        {
            return document;
        }

        var editor = new SyntaxEditor(root, document.Project.Solution.Services);
        var addTasksUsing = false;

        // Inner nodes first, so an outer replacement sees the inner one already made.
        foreach (var diagnostic in diagnostics.OrderByDescending(d => d.Location.SourceSpan.Start).ThenBy(d => d.Location.SourceSpan.Length))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            var properties = diagnostic.Properties;
            if (!properties.TryGetValue(PropagationWalker.TokenProperty, out var token) || token is null
                || !properties.TryGetValue(PropagationWalker.FixKindProperty, out var kind))
            {
                continue;
            }

            var tokenExpression = SyntaxFactory.ParseExpression(token);
            switch (diagnostic.Id, kind)
            {
                case (DiagnosticIds.CancellationNotPassed, "Replace"):
                    if (FindExpression(node, diagnostic) is { } replaced)
                    {
                        editor.ReplaceNode(replaced, (current, _) => tokenExpression.WithTriviaFrom(current));
                    }

                    break;
                case (DiagnosticIds.CancellationNotPassed, "Add"):
                    if (FindInvocation(node, diagnostic) is { } call)
                    {
                        var positional = properties.TryGetValue(PropagationWalker.PositionalProperty, out var p) && p == "true";
                        var argument = positional
                            ? SyntaxFactory.Argument(tokenExpression)
                            : NamedArgument(properties[PropagationWalker.ParameterProperty]!, tokenExpression);
                        editor.ReplaceNode(call, (current, _) => AddArgument((InvocationExpressionSyntax)current, argument));
                    }

                    break;
                case (DiagnosticIds.CancellationNotPassed, "WithCancellation"):
                    if (FindExpression(node, diagnostic) is { } collection)
                    {
                        addTasksUsing |= !IsConfigured(collection);
                        editor.ReplaceNode(collection, (current, _) => WithCancellation((ExpressionSyntax)current, tokenExpression));
                    }

                    break;
                case (DiagnosticIds.ClientCallWithoutDeadline, _):
                    if (FindInvocation(node, diagnostic) is { } client
                        && properties.TryGetValue(PropagationWalker.ContextProperty, out var context) && context is not null
                        && semanticModel.GetOperation(client, cancellationToken) is IInvocationOperation operation)
                    {
                        FixClientCall(editor, client, operation, context, tokenExpression, kind == "CallOptions");
                    }

                    break;
            }
        }

        var newRoot = editor.GetChangedRoot();
        if (addTasksUsing && newRoot is CompilationUnitSyntax unit && !HasUsing(unit, "System.Threading.Tasks"))
        {
            // The document's own line ending, not CRLF in a file written with LF.
            var endOfLine = unit.DescendantTrivia().FirstOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
            var trailing = endOfLine.IsKind(SyntaxKind.EndOfLineTrivia) ? endOfLine : SyntaxFactory.ElasticCarriageReturnLineFeed;
            newRoot = unit.AddUsings(SyntaxFactory.UsingDirective(SyntaxFactory.ParseName("System.Threading.Tasks")).WithTrailingTrivia(trailing));
        }

        return document.WithSyntaxRoot(newRoot);
    }

    private static void FixClientCall(SyntaxEditor editor, InvocationExpressionSyntax call, IInvocationOperation operation, string context, ExpressionSyntax token, bool callOptions)
    {
        var deadline = SyntaxFactory.ParseExpression(context + ".Deadline");
        var edits = new Dictionary<int, ExpressionSyntax>();
        var additions = new List<ArgumentSyntax>();
        var written = call.ArgumentList.Arguments;
        foreach (var argument in operation.Arguments)
        {
            if (argument.Parameter is not { } parameter)
            {
                continue;
            }

            var index = argument.Syntax is ArgumentSyntax syntax ? written.IndexOf(syntax) : -1;
            if (callOptions && parameter.Type.Name == "CallOptions" && index >= 0)
            {
                var value = written[index].Expression;
                edits[index] = IsEmptyCallOptions(value)
                    ? SyntaxFactory.ParseExpression($"new CallOptions(deadline: {deadline}, cancellationToken: {token})")
                    : SyntaxFactory.ParseExpression($"{Parenthesize(value)}.WithDeadline({deadline}).WithCancellationToken({token})");
            }
            else if (!callOptions && (parameter.Name == "deadline" || parameter.Type.Name == "CancellationToken"))
            {
                var replacement = parameter.Name == "deadline" ? deadline : token;
                if (index < 0)
                {
                    additions.Add(NamedArgument(parameter.Name, replacement));
                }
                else if (IsEmptyValue(written[index].Expression))
                {
                    edits[index] = replacement;
                }
            }
        }

        editor.ReplaceNode(call, (current, _) =>
        {
            var invocation = (InvocationExpressionSyntax)current;
            var arguments = invocation.ArgumentList.Arguments;
            foreach (var edit in edits)
            {
                arguments = arguments.Replace(arguments[edit.Key], arguments[edit.Key].WithExpression(edit.Value.WithTriviaFrom(arguments[edit.Key].Expression)));
            }

            var list = invocation.ArgumentList.WithArguments(arguments);
            foreach (var addition in additions)
            {
                list = Append(list, addition);
            }

            return invocation.WithArgumentList(list);
        });
    }

    private static InvocationExpressionSyntax AddArgument(InvocationExpressionSyntax invocation, ArgumentSyntax argument) =>
        invocation.WithArgumentList(Append(invocation.ArgumentList, argument));

    /// <summary>Appends an argument after ", " (SeparatedList.Add would write "a,b").</summary>
    private static ArgumentListSyntax Append(ArgumentListSyntax list, ArgumentSyntax argument)
    {
        var nodes = list.Arguments.ToList();
        var separators = list.Arguments.GetSeparators().ToList();
        if (nodes.Count > 0)
        {
            separators.Add(SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(SyntaxFactory.Space));
        }

        nodes.Add(argument);
        return list.WithArguments(SyntaxFactory.SeparatedList(nodes, separators));
    }

    private static ArgumentSyntax NamedArgument(string name, ExpressionSyntax value) =>
        SyntaxFactory.Argument(
            SyntaxFactory.NameColon(SyntaxFactory.IdentifierName(name), SyntaxFactory.Token(SyntaxKind.ColonToken).WithTrailingTrivia(SyntaxFactory.Space)),
            default,
            value);

    private static ExpressionSyntax WithCancellation(ExpressionSyntax collection, ExpressionSyntax token) =>
        SyntaxFactory.InvocationExpression(
                SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, Parenthesize(collection.WithoutTrivia()), SyntaxFactory.IdentifierName("WithCancellation")),
                SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(token))))
            .WithTriviaFrom(collection);

    private static ExpressionSyntax Parenthesize(ExpressionSyntax expression) =>
        expression is IdentifierNameSyntax or MemberAccessExpressionSyntax or InvocationExpressionSyntax or ElementAccessExpressionSyntax or ParenthesizedExpressionSyntax
            ? expression
            : SyntaxFactory.ParenthesizedExpression(expression);

    private static bool IsConfigured(SyntaxNode collection) =>
        collection is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ConfigureAwait" } };

    private static bool IsEmptyCallOptions(ExpressionSyntax value) =>
        value.IsKind(SyntaxKind.DefaultLiteralExpression) || value is DefaultExpressionSyntax
        || value is BaseObjectCreationExpressionSyntax { ArgumentList.Arguments.Count: 0, Initializer: null };

    private static bool IsEmptyValue(ExpressionSyntax value) =>
        value.IsKind(SyntaxKind.NullLiteralExpression) || value.IsKind(SyntaxKind.DefaultLiteralExpression) || value is DefaultExpressionSyntax
        || value is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "None" }
        || value is BaseObjectCreationExpressionSyntax { ArgumentList: null or { Arguments.Count: 0 } };

    private static bool HasUsing(CompilationUnitSyntax unit, string name) =>
        unit.Usings.Any(u => u.Name?.ToString() == name)
        || unit.Members.OfType<BaseNamespaceDeclarationSyntax>().Any(n => n.Usings.Any(u => u.Name?.ToString() == name));

    private static InvocationExpressionSyntax? FindInvocation(SyntaxNode node, Diagnostic diagnostic) =>
        node.AncestorsAndSelf().OfType<InvocationExpressionSyntax>().FirstOrDefault(i => i.Span == diagnostic.Location.SourceSpan);

    private static ExpressionSyntax? FindExpression(SyntaxNode node, Diagnostic diagnostic) =>
        node.AncestorsAndSelf().OfType<ExpressionSyntax>().FirstOrDefault(e => e.Span == diagnostic.Location.SourceSpan);
}

/// <summary>Fix All for the propagation fixes: every diagnostic of a document in one edit.</summary>
internal sealed class PropagationFixAllProvider : DocumentBasedFixAllProvider
{
    public static readonly PropagationFixAllProvider Instance = new();

    protected override async Task<Document?> FixAllAsync(FixAllContext fixAllContext, Document document, ImmutableArray<Diagnostic> diagnostics) =>
        diagnostics.IsEmpty ? document : await PropagationFixer.FixAsync(document, diagnostics, fixAllContext.CancellationToken).ConfigureAwait(false);
}
