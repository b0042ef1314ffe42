using System;
using System.Collections.Immutable;
using System.Linq;
using Contrail.Analyzers.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Contrail.Analyzers.Propagation.Rules;

/// <summary>
/// CTR1001: a call that takes a <c>CancellationToken</c> (or has an overload that does), or an
/// <c>await foreach</c> over an async stream, is given the call's token. Runs in handlers and in the
/// helpers they pass the call's token to, which it records in the type's state as it finds them.
/// </summary>
internal sealed class CancellationNotPassedRule : PropagationRule
{
    private readonly ContextPropagationAnalyzer.TypeState _state;

    public CancellationNotPassedRule(PropagationScope scope, ContextPropagationAnalyzer.TypeState state, Action<Diagnostic> report)
        : base(scope, report)
    {
        _state = state;
    }

    public override void OnInvocation(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        if (IsClientRpcCall(method) || !Scope.HasCallToken || IsExemptFromCancellation(invocation))
        {
            return;
        }

        IArgumentOperation? missing = null;
        IArgumentOperation? none = null;
        var hasTokenParameter = false;
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter is null || !Known.IsCancellationToken(argument.Parameter.Type))
            {
                continue;
            }

            hasTokenParameter = true;
            if (argument.ArgumentKind == ArgumentKind.DefaultValue)
            {
                missing ??= argument;
            }
            else if (Scope.IsNoToken(argument.Value))
            {
                none ??= argument;
            }
            else
            {
                if (Scope.IsCallToken(argument.Value))
                {
                    _state.RecordReceiver(method, argument.Parameter.Ordinal);
                }

                // Some token is passed on purpose: the call is not this rule's business.
                return;
            }
        }

        var display = Display(method);
        if (none is not null && Scope.BestToken(invocation) is { } token)
        {
            Report(DiagnosticDescriptors.CancellationNotPassed, none.Value.Syntax.GetLocation(),
                Properties((PropagationWalker.FixKindProperty, "Replace"), (PropagationWalker.TokenProperty, token)),
                $"'{display}' is given '{none.Value.Syntax}' as its CancellationToken", token);
        }
        else if (missing is not null && Scope.BestToken(invocation) is { } missingToken)
        {
            var positional = IsPositionalAppend(invocation, missing.Parameter!.Ordinal);
            Report(DiagnosticDescriptors.CancellationNotPassed, invocation.Syntax.GetLocation(),
                AddProperties(missingToken, missing.Parameter.Name, positional),
                $"'{display}' takes a CancellationToken but is given none", missingToken);
        }
        else if (!hasTokenParameter && FindTokenOverload(method) is { } overload && Scope.BestToken(invocation) is { } overloadToken)
        {
            var tokenParameter = overload.Parameters[overload.Parameters.Length - 1];
            var positional = IsPositionalAppend(invocation, tokenParameter.Ordinal);
            Report(DiagnosticDescriptors.CancellationNotPassed, invocation.Syntax.GetLocation(),
                AddProperties(overloadToken, tokenParameter.Name, positional),
                $"'{display}' has an overload that takes a CancellationToken", overloadToken);
        }
    }

    public override void OnAwaitForEach(IForEachLoopOperation loop)
    {
        if (!Scope.HasCallToken)
        {
            return;
        }

        var collection = PropagationScope.Unwrap(loop.Collection);
        while (collection is IInvocationOperation { TargetMethod.Name: "ConfigureAwait" or "WithCancellation" } configured)
        {
            if (configured.TargetMethod.Name == "WithCancellation")
            {
                // The token given to WithCancellation is an argument like any other: OnInvocation judges it.
                return;
            }

            collection = PropagationScope.Unwrap(configured.Instance ?? (configured.Arguments.Length > 0 ? configured.Arguments[0].Value : null));
        }

        if (collection is null || !IsAsyncEnumerable(collection.Type))
        {
            return;
        }

        if (collection is IInvocationOperation producer
            && (producer.TargetMethod.Parameters.Any(p => Known.IsCancellationToken(p.Type)) || IsExemptFromCancellation(producer)))
        {
            // The producing call takes the token itself; CTR1001 checks that call.
            return;
        }

        var token = Scope.BestToken(loop);
        if (token is null)
        {
            return;
        }

        var syntax = PropagationScope.Unwrap(loop.Collection)!.Syntax;
        Report(DiagnosticDescriptors.CancellationNotPassed, syntax.GetLocation(),
            Properties((PropagationWalker.FixKindProperty, "WithCancellation"), (PropagationWalker.TokenProperty, token)),
            $"'await foreach' over '{Shorten(collection.Syntax.ToString())}' passes no token to the enumerator (WithCancellation)", token);
    }

    private static ImmutableDictionary<string, string?> AddProperties(string token, string parameter, bool positional) =>
        Properties(
            (PropagationWalker.FixKindProperty, "Add"),
            (PropagationWalker.TokenProperty, token),
            (PropagationWalker.ParameterProperty, parameter),
            (PropagationWalker.PositionalProperty, positional ? "true" : "false"));

    private bool IsExemptFromCancellation(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        var type = method.ContainingType;

        // The token of Task.Run/StartNew only stops the delegate from starting: CTR1003 watches those.
        if ((PropagationKnownTypes.Is(type, Known.Task) && method.Name is "Run" or "ContinueWith" or "WhenAll" or "WhenAny")
            || (PropagationKnownTypes.Is(type?.OriginalDefinition, Known.TaskOfT) && method.Name == "ContinueWith")
            || PropagationKnownTypes.Is(type, Known.TaskFactory) || PropagationKnownTypes.Is(type?.OriginalDefinition, Known.TaskFactoryOfT)
            || PropagationKnownTypes.Is(type, Known.ThreadPool)
            || PropagationKnownTypes.Is(type, Known.CancellationTokenSource)
            || PropagationKnownTypes.Is(type, Known.CancellationToken)
            || Known.IsServerCallContext(type))
        {
            return true;
        }

        // Calls on gRPC streams (the handler's own, or an outgoing call's) are bound to their call.
        var receiver = invocation.Instance ?? (method.IsExtensionMethod && invocation.Arguments.Length > 0 ? invocation.Arguments[0].Value : null);
        return receiver is not null && IsGrpcStream(PropagationScope.Unwrap(receiver)?.Type);
    }

    private bool IsGrpcStream(ITypeSymbol? type)
    {
        if (type is null)
        {
            return false;
        }

        if (Known.IsRequestStream(type))
        {
            return true;
        }

        foreach (var @interface in type.AllInterfaces)
        {
            if (Known.IsRequestStream(@interface))
            {
                return true;
            }
        }

        return false;
    }

    private bool IsAsyncEnumerable(ITypeSymbol? type)
    {
        if (type is null || Known.AsyncEnumerable is null)
        {
            return false;
        }

        return PropagationKnownTypes.Is(type.OriginalDefinition, Known.AsyncEnumerable)
            || type.AllInterfaces.Any(i => PropagationKnownTypes.Is(i.OriginalDefinition, Known.AsyncEnumerable));
    }

    private IMethodSymbol? FindTokenOverload(IMethodSymbol method)
    {
        if (method.ContainingType is null || method.Parameters.Any(p => p.IsParams))
        {
            return null;
        }

        foreach (var member in method.ContainingType.GetMembers(method.Name))
        {
            if (member is not IMethodSymbol candidate
                || candidate.IsStatic != method.IsStatic
                || candidate.Parameters.Length != method.Parameters.Length + 1
                || candidate.Arity != method.Arity
                || !Known.IsCancellationToken(candidate.Parameters[candidate.Parameters.Length - 1].Type)
                || candidate.GetAttributes().Any(a => a.AttributeClass?.Name == "ObsoleteAttribute")
                || !Scope.Compilation.IsSymbolAccessibleWithin(candidate, Scope.Method.ContainingType))
            {
                continue;
            }

            if (candidate.Arity > 0)
            {
                candidate = candidate.OriginalDefinition.Construct(method.TypeArguments.ToArray());
            }

            var matches = true;
            for (var i = 0; i < method.Parameters.Length && matches; i++)
            {
                matches = method.Parameters[i].RefKind == candidate.Parameters[i].RefKind
                    && SymbolEqualityComparer.Default.Equals(method.Parameters[i].Type, candidate.Parameters[i].Type);
            }

            if (matches)
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>True when the token can go after the arguments written so far, without a name.</summary>
    private static bool IsPositionalAppend(IInvocationOperation invocation, int ordinal)
    {
        if (invocation.Syntax is not InvocationExpressionSyntax syntax)
        {
            return false;
        }

        var written = syntax.ArgumentList.Arguments;
        if (written.Any(a => a.NameColon is not null))
        {
            return false;
        }

        // An extension method called as x.M(...) has its 'this' parameter outside the argument list.
        var offset = invocation.TargetMethod.IsExtensionMethod && syntax.Expression is MemberAccessExpressionSyntax ? 1 : 0;
        return written.Count + offset == ordinal;
    }

    /// <summary>An expression on one line, cut to 60 characters, for a message.</summary>
    private static string Shorten(string text)
    {
        text = string.Join(" ", text.Split(new[] { '\r', '\n' }, StringSplitOptions.RemoveEmptyEntries).Select(line => line.Trim()));
        return text.Length <= 60 ? text : text.Substring(0, 57) + "...";
    }
}
