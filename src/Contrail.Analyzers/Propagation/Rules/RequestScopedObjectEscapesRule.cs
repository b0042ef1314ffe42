using System;
using System.Collections.Generic;
using System.Linq;
using Contrail.Analyzers.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Contrail.Analyzers.Propagation.Rules;

/// <summary>
/// CTR1005: the call's request-scoped objects (its <c>ServerCallContext</c>, request and response
/// streams) escape the call: stored in a field, property or collection that outlives it, or captured
/// by a delegate stored there, by an event handler, or by work started and not awaited.
/// </summary>
internal sealed class RequestScopedObjectEscapesRule : PropagationRule
{
    private static readonly HashSet<string> s_collectionAdds = new(StringComparer.Ordinal)
    {
        "Add", "AddFirst", "AddLast", "AddOrUpdate", "Enqueue", "GetOrAdd", "Insert", "Post", "Push", "TryAdd", "TryWrite", "WriteAsync",
    };

    public RequestScopedObjectEscapesRule(PropagationScope scope, Action<Diagnostic> report)
        : base(scope, report)
    {
    }

    public override void OnAssignment(ISimpleAssignmentOperation assignment)
    {
        // Activity.Current is static, but it is the ambient span rather than storage: CTR1004 judges it.
        if (IsActivityCurrent(assignment.Target) || !IsEscapingStorage(assignment.Target))
        {
            return;
        }

        var member = MemberName(assignment.Target);
        var value = PropagationScope.Unwrap(assignment.Value);
        if (value is IParameterReferenceOperation parameter && IsRequestScoped(parameter.Parameter))
        {
            Report(DiagnosticDescriptors.RequestScopedObjectEscapes, value.Syntax.GetLocation(), null,
                parameter.Parameter.Name, $"is stored in '{member}'", HandlerName);
            return;
        }

        ReportCaptures(value, $"is captured by a delegate stored in '{member}'");
    }

    public override void OnEventSubscription(IEventAssignmentOperation subscription)
    {
        if (subscription.EventReference is IEventReferenceOperation reference && IsEscapingRoot(reference.Instance, reference.Event.IsStatic))
        {
            ReportCaptures(PropagationScope.Unwrap(subscription.HandlerValue), $"is captured by a handler of the event '{reference.Event.Name}'");
        }
    }

    public override void OnInvocation(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        if (IsStart(method) && (IsDiscarded(invocation) || PropagationKnownTypes.Is(method.ContainingType, Known.ThreadPool)))
        {
            foreach (var argument in invocation.Arguments)
            {
                ReportCaptures(PropagationScope.Unwrap(argument.Value), $"is captured by work started with '{Display(method)}' and not awaited");
            }

            return;
        }

        if (method.MethodKind == MethodKind.LocalFunction && IsDiscarded(invocation) && Scope.FindLocalFunction(method, invocation) is { } function)
        {
            ReportCapturesIn(function.Body, $"is captured by the local function '{method.Name}', which is not awaited");
            return;
        }

        if (s_collectionAdds.Contains(method.Name) && invocation.Instance is { } instance && IsEscapingStorage(instance))
        {
            var member = MemberName(instance);
            foreach (var argument in invocation.Arguments)
            {
                var value = PropagationScope.Unwrap(argument.Value);
                if (value is IParameterReferenceOperation parameter && IsRequestScoped(parameter.Parameter))
                {
                    Report(DiagnosticDescriptors.RequestScopedObjectEscapes, value.Syntax.GetLocation(), null,
                        parameter.Parameter.Name, $"is added to '{member}'", HandlerName);
                }
                else
                {
                    ReportCaptures(value, $"is captured by a delegate added to '{member}'");
                }
            }
        }
    }

    private void ReportCaptures(IOperation? value, string how)
    {
        switch (value)
        {
            case IDelegateCreationOperation creation:
                ReportCaptures(creation.Target, how);
                break;
            case IAnonymousFunctionOperation lambda:
                ReportCapturesIn(lambda.Body, how);
                break;
            case IMethodReferenceOperation { Method.MethodKind: MethodKind.LocalFunction } reference
                when Scope.FindLocalFunction(reference.Method, reference) is { } function:
                ReportCapturesIn(function.Body, how);
                break;
        }
    }

    private void ReportCapturesIn(IOperation? body, string how)
    {
        if (body is null)
        {
            return;
        }

        var seen = new HashSet<IParameterSymbol>(SymbolEqualityComparer.Default);
        foreach (var node in body.DescendantsAndSelf())
        {
            if (node is IParameterReferenceOperation reference && IsRequestScoped(reference.Parameter) && seen.Add(reference.Parameter))
            {
                Report(DiagnosticDescriptors.RequestScopedObjectEscapes, reference.Syntax.GetLocation(), null,
                    reference.Parameter.Name, how, HandlerName);
            }
        }
    }

    private bool IsRequestScoped(IParameterSymbol parameter) =>
        Scope.RequestScoped.Contains(parameter, SymbolEqualityComparer.Default);

    /// <summary>A field, property or indexer of this instance or a static one: storage that outlives the call.</summary>
    private static bool IsEscapingStorage(IOperation target) => target switch
    {
        IFieldReferenceOperation field => IsEscapingRoot(field.Instance, field.Field.IsStatic),
        IPropertyReferenceOperation property => IsEscapingRoot(property.Instance, property.Property.IsStatic),
        _ => false,
    };

    private static bool IsEscapingRoot(IOperation? instance, bool isStatic)
    {
        if (isStatic)
        {
            return true;
        }

        return PropagationScope.Unwrap(instance) switch
        {
            IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance } => true,
            IFieldReferenceOperation or IPropertyReferenceOperation => IsEscapingStorage(PropagationScope.Unwrap(instance)!),
            _ => false,
        };
    }

    private static string MemberName(IOperation target) => target switch
    {
        IFieldReferenceOperation field => field.Field.Name,
        IPropertyReferenceOperation { Property.IsIndexer: true } indexer => MemberName(PropagationScope.Unwrap(indexer.Instance)!) + "[...]",
        IPropertyReferenceOperation property => property.Property.Name,
        _ => target.Syntax.ToString(),
    };
}
