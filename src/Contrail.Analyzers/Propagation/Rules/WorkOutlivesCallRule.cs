using System;
using Contrail.Analyzers.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Contrail.Analyzers.Propagation.Rules;

/// <summary>
/// CTR1003: work a handler starts and does not await (async void, a discarded task, Task.Run and
/// friends) outlives the call, its cancellation and its span.
/// </summary>
internal sealed class WorkOutlivesCallRule : PropagationRule
{
    public WorkOutlivesCallRule(PropagationScope scope, Action<Diagnostic> report)
        : base(scope, report)
    {
    }

    public override void OnInvocation(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        if (method.IsAsync && method.ReturnsVoid)
        {
            Report(DiagnosticDescriptors.WorkOutlivesCall, invocation.Syntax.GetLocation(), null,
                $"The async void method '{method.Name}'", HandlerName);
            return;
        }

        if (IsStart(method))
        {
            if (IsDiscarded(invocation) || PropagationKnownTypes.Is(method.ContainingType, Known.ThreadPool))
            {
                Report(DiagnosticDescriptors.WorkOutlivesCall, invocation.Syntax.GetLocation(), null,
                    $"Work started with '{Display(method)}' and not awaited", HandlerName);
            }

            return;
        }

        if (IsDiscarded(invocation) && Known.IsAwaitableTask(method.ReturnType))
        {
            Report(DiagnosticDescriptors.WorkOutlivesCall, invocation.Syntax.GetLocation(), null,
                $"The task returned by '{Display(method)}' is discarded, so the work", HandlerName);
        }
    }

    public override void OnAsyncVoidLambda(IAnonymousFunctionOperation lambda)
    {
        var location = lambda.Syntax is AnonymousFunctionExpressionSyntax { AsyncKeyword: var keyword } && keyword.Span.Length > 0
            ? keyword.GetLocation()
            : lambda.Syntax.GetLocation();
        Report(DiagnosticDescriptors.WorkOutlivesCall, location, null, "An async void lambda", HandlerName);
    }
}
