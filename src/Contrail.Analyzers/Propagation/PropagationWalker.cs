using System;
using System.Collections.Immutable;
using System.Threading;
using Contrail.Analyzers.Propagation.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Contrail.Analyzers.Propagation;

/// <summary>
/// Walks one handler (all five rules) or one helper reached with the call's token (CTR1001 only) and
/// hands each operation to the rules that apply, in the order of <see cref="RulesFor"/>. The code fixes
/// read the fix's inputs from the diagnostic's properties, so they need no semantic model.
/// </summary>
internal sealed class PropagationWalker
{
    /// <summary>Diagnostic property: which shape the CTR1001/CTR1002 fix edits.</summary>
    public const string FixKindProperty = "FixKind";

    /// <summary>Diagnostic property: the token expression to pass.</summary>
    public const string TokenProperty = "Token";

    /// <summary>Diagnostic property: the <c>ServerCallContext</c> expression (CTR1002).</summary>
    public const string ContextProperty = "Context";

    /// <summary>Diagnostic property: the parameter the token goes to, for a named argument.</summary>
    public const string ParameterProperty = "Parameter";

    /// <summary>Diagnostic property: "true" when the token can be appended as a positional argument.</summary>
    public const string PositionalProperty = "Positional";

    /// <summary>The operation kinds <see cref="Visit"/> handles; the analyzer registers these.</summary>
    public static readonly ImmutableArray<OperationKind> HandlerKinds = ImmutableArray.Create(
        OperationKind.Invocation, OperationKind.Loop, OperationKind.SimpleAssignment, OperationKind.EventAssignment, OperationKind.AnonymousFunction);

    /// <summary>The operation kinds a helper (CTR1001 only) needs.</summary>
    public static readonly ImmutableArray<OperationKind> HelperKinds = ImmutableArray.Create(OperationKind.Invocation, OperationKind.Loop);

    private readonly ImmutableArray<PropagationRule> _rules;
    private readonly CancellationToken _cancellationToken;

    public PropagationWalker(PropagationScope scope, PropagationOptions options, ContextPropagationAnalyzer.TypeState state, Action<Diagnostic> report, CancellationToken cancellationToken)
    {
        _rules = RulesFor(scope, options, state, report);
        _cancellationToken = cancellationToken;
    }

    /// <summary>
    /// The rule table. A handler gets every rule; a helper only CTR1001, which follows the call's token
    /// into it. The order is the order findings on one operation are reported in.
    /// </summary>
    private static ImmutableArray<PropagationRule> RulesFor(PropagationScope scope, PropagationOptions options, ContextPropagationAnalyzer.TypeState state, Action<Diagnostic> report)
    {
        var cancellation = new CancellationNotPassedRule(scope, state, report);
        if (!scope.IsHandler)
        {
            return ImmutableArray.Create<PropagationRule>(cancellation);
        }

        return ImmutableArray.Create<PropagationRule>(
            new TraceContextCutRule(scope, report),
            new WorkOutlivesCallRule(scope, report),
            new RequestScopedObjectEscapesRule(scope, report),
            new ClientCallWithoutDeadlineRule(scope, options, report),
            cancellation);
    }

    /// <summary>Applies the rules to one operation of the method.</summary>
    public void Visit(IOperation operation)
    {
        _cancellationToken.ThrowIfCancellationRequested();
        switch (operation)
        {
            case IInvocationOperation invocation:
                foreach (var rule in _rules)
                {
                    rule.OnInvocation(invocation);
                }

                break;
            case IForEachLoopOperation { IsAsynchronous: true } loop:
                foreach (var rule in _rules)
                {
                    rule.OnAwaitForEach(loop);
                }

                break;
            case ISimpleAssignmentOperation assignment:
                foreach (var rule in _rules)
                {
                    rule.OnAssignment(assignment);
                }

                break;
            case IEventAssignmentOperation { Adds: true } subscription:
                foreach (var rule in _rules)
                {
                    rule.OnEventSubscription(subscription);
                }

                break;
            case IAnonymousFunctionOperation { Symbol: { IsAsync: true, ReturnsVoid: true } } lambda:
                foreach (var rule in _rules)
                {
                    rule.OnAsyncVoidLambda(lambda);
                }

                break;
        }
    }
}
