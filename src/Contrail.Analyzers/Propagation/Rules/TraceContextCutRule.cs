using System;
using Contrail.Analyzers.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Contrail.Analyzers.Propagation.Rules;

/// <summary>
/// CTR1004: code in a handler that cuts the trace: suppressing the execution context's flow, the
/// <c>Unsafe*</c> APIs that do not flow it, <c>Activity.Current = null</c>, and a parent made from
/// random ids.
/// </summary>
internal sealed class TraceContextCutRule : PropagationRule
{
    public TraceContextCutRule(PropagationScope scope, Action<Diagnostic> report)
        : base(scope, report)
    {
    }

    public override void OnInvocation(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        var type = method.ContainingType;
        if (PropagationKnownTypes.Is(type, Known.ExecutionContext) && method.Name == "SuppressFlow")
        {
            Report(DiagnosticDescriptors.TraceContextCut, invocation.Syntax.GetLocation(), null,
                "'ExecutionContext.SuppressFlow()'",
                "work started while the flow is suppressed has no Activity.Current, so its spans start traces of their own; let the execution context flow");
            return;
        }

        if ((PropagationKnownTypes.Is(type, Known.ThreadPool) || PropagationKnownTypes.Is(type, Known.CancellationToken))
            && method.Name.StartsWith("Unsafe", StringComparison.Ordinal))
        {
            var safe = method.Name.Substring("Unsafe".Length);
            Report(DiagnosticDescriptors.TraceContextCut, invocation.Syntax.GetLocation(), null,
                $"'{Display(method)}'",
                $"it does not flow the execution context, so the work has no Activity.Current and its spans start traces of their own; use '{type!.Name}.{safe}'");
            return;
        }

        var isStart = PropagationKnownTypes.Is(type, Known.ActivitySource) && method.Name is "StartActivity" or "CreateActivity";
        var isSetParent = PropagationKnownTypes.Is(type, Known.Activity) && method.Name == "SetParentId";
        if (!isStart && !isSetParent)
        {
            return;
        }

        var fabricated = false;
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter is null || argument.ArgumentKind == ArgumentKind.DefaultValue)
            {
                continue;
            }

            if (isStart && argument.Parameter.Name == "links" && !argument.Value.ConstantValue.HasValue && PropagationScope.Unwrap(argument.Value) is not IDefaultValueOperation)
            {
                // A new root with a link to the caller's span is the documented way to detach on purpose.
                return;
            }

            fabricated |= (isSetParent || argument.Parameter.Name is "parentContext" or "parentId") && ContainsRandomIds(argument.Value, 0);
        }

        if (fabricated)
        {
            Report(DiagnosticDescriptors.TraceContextCut, invocation.Syntax.GetLocation(), null,
                $"'{Display(method)}' with a parent made from random ids",
                "the span starts a new trace with no relation to the call's; let it parent to Activity.Current, or start a root and add an ActivityLink to Activity.Current.Context");
        }
    }

    public override void OnAssignment(ISimpleAssignmentOperation assignment)
    {
        if (IsActivityCurrent(assignment.Target)
            && PropagationScope.Unwrap(assignment.Value) is { ConstantValue: { HasValue: true, Value: null } })
        {
            Report(DiagnosticDescriptors.TraceContextCut, assignment.Syntax.GetLocation(), null,
                "'Activity.Current = null'",
                "what runs after it has no parent span, so its spans start traces of their own; start a child activity instead, or restore Activity.Current");
        }
    }

    private bool ContainsRandomIds(IOperation operation, int depth)
    {
        foreach (var node in operation.DescendantsAndSelf())
        {
            switch (node)
            {
                case IInvocationOperation { TargetMethod.Name: "CreateRandom" } create
                    when PropagationKnownTypes.Is(create.TargetMethod.ContainingType, Known.ActivityTraceId) || PropagationKnownTypes.Is(create.TargetMethod.ContainingType, Known.ActivitySpanId):
                    return true;
                case ILocalReferenceOperation local when depth == 0 && Scope.FindInitializer(local.Local, local) is { } initializer && ContainsRandomIds(initializer, 1):
                    return true;
            }
        }

        return false;
    }
}
