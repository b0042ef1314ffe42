using System;
using Contrail.Analyzers.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Contrail.Analyzers.Propagation.Rules;

/// <summary>
/// CTR1002: an outgoing gRPC client call made inside a handler carries the incoming call's deadline and
/// cancellation, unless the client factory propagates them (<see cref="PropagationOptions.ClientFactoryPropagation"/>).
/// </summary>
internal sealed class ClientCallWithoutDeadlineRule : PropagationRule
{
    private readonly PropagationOptions _options;

    public ClientCallWithoutDeadlineRule(PropagationScope scope, PropagationOptions options, Action<Diagnostic> report)
        : base(scope, report)
    {
        _options = options;
    }

    public override void OnInvocation(IInvocationOperation invocation)
    {
        if (!IsClientRpcCall(invocation.TargetMethod) || _options.ClientFactoryPropagation || Scope.ContextParameter is null)
        {
            return;
        }

        IArgumentOperation? options = null;
        var carried = false;
        foreach (var argument in invocation.Arguments)
        {
            var parameter = argument.Parameter;
            if (parameter is null)
            {
                continue;
            }

            if (PropagationKnownTypes.Is(parameter.Type, Known.CallOptions))
            {
                options = argument;
                carried |= argument.ArgumentKind != ArgumentKind.DefaultValue && Scope.CarriesCallContext(argument.Value);
            }
            else if (Known.IsCancellationToken(parameter.Type) || parameter.Name == "deadline")
            {
                carried |= argument.ArgumentKind != ArgumentKind.DefaultValue && Scope.CarriesCallContext(argument.Value);
            }
        }

        if (carried)
        {
            return;
        }

        var token = Scope.BestToken(invocation) ?? Scope.ContextParameter.Name + ".CancellationToken";
        var context = Scope.ContextParameter.Name;
        var arguments = $"deadline: {context}.Deadline, cancellationToken: {token}";
        Report(DiagnosticDescriptors.ClientCallWithoutDeadline, invocation.Syntax.GetLocation(),
            Properties(
                (PropagationWalker.FixKindProperty, options is null ? "Arguments" : "CallOptions"),
                (PropagationWalker.TokenProperty, token),
                (PropagationWalker.ContextProperty, context)),
            Display(invocation.TargetMethod), arguments);
    }
}
