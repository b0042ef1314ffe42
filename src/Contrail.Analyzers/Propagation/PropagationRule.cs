using System;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Contrail.Analyzers.Propagation;

/// <summary>
/// One context-propagation rule: it hears about the operations of one method (through
/// <see cref="PropagationWalker"/>) and reports what it finds. The facts more than one rule asks live here.
/// </summary>
internal abstract class PropagationRule
{
    private readonly Action<Diagnostic> _report;

    protected PropagationRule(PropagationScope scope, Action<Diagnostic> report)
    {
        Scope = scope;
        Known = scope.Known;
        _report = report;
    }

    /// <summary>The method under inspection and the tokens available in it.</summary>
    protected PropagationScope Scope { get; }

    protected PropagationKnownTypes Known { get; }

    protected string HandlerName => Scope.Method.Name;

    /// <summary>Any call.</summary>
    public virtual void OnInvocation(IInvocationOperation invocation)
    {
    }

    /// <summary>An <c>await foreach</c>.</summary>
    public virtual void OnAwaitForEach(IForEachLoopOperation loop)
    {
    }

    /// <summary>A simple assignment (handlers only).</summary>
    public virtual void OnAssignment(ISimpleAssignmentOperation assignment)
    {
    }

    /// <summary>A <c>+=</c> on an event (handlers only).</summary>
    public virtual void OnEventSubscription(IEventAssignmentOperation subscription)
    {
    }

    /// <summary>An async lambda that returns void (handlers only).</summary>
    public virtual void OnAsyncVoidLambda(IAnonymousFunctionOperation lambda)
    {
    }

    /// <summary>
    /// A call to a generated gRPC client's RPC method: CTR1002 judges it as a whole (deadline and token),
    /// so CTR1001 leaves it alone.
    /// </summary>
    protected bool IsClientRpcCall(IMethodSymbol method) =>
        Known.IsGrpcClient(method.ContainingType)
        && !method.IsStatic
        && method.Parameters.Any(p => Known.IsCancellationToken(p.Type) || PropagationKnownTypes.Is(p.Type, Known.CallOptions));

    /// <summary>Task.Run, Task.Factory.StartNew, ThreadPool.QueueUserWorkItem and ContinueWith.</summary>
    protected bool IsStart(IMethodSymbol method)
    {
        var type = method.ContainingType;
        return (PropagationKnownTypes.Is(type, Known.Task) && method.Name is "Run" or "ContinueWith")
            || (PropagationKnownTypes.Is(type?.OriginalDefinition, Known.TaskOfT) && method.Name == "ContinueWith")
            || ((PropagationKnownTypes.Is(type, Known.TaskFactory) || PropagationKnownTypes.Is(type?.OriginalDefinition, Known.TaskFactoryOfT)) && method.Name == "StartNew")
            || (PropagationKnownTypes.Is(type, Known.ThreadPool) && method.Name == "QueueUserWorkItem");
    }

    /// <summary>Whether an assignment's target is <c>Activity.Current</c>: the ambient span, not storage.</summary>
    protected bool IsActivityCurrent(IOperation target) =>
        target is IPropertyReferenceOperation { Property: { Name: "Current", IsStatic: true } current }
        && PropagationKnownTypes.Is(current.ContainingType, Known.Activity);

    /// <summary>Whether the operation's value is dropped: a statement of its own or assigned to <c>_</c>.</summary>
    protected static bool IsDiscarded(IOperation operation)
    {
        var parent = operation.Parent;
        while (parent is IConversionOperation or IParenthesizedOperation)
        {
            operation = parent;
            parent = parent.Parent;
        }

        return parent switch
        {
            IExpressionStatementOperation => true,
            ISimpleAssignmentOperation assignment => assignment.Value == operation && assignment.Target is IDiscardOperation,
            _ => false,
        };
    }

    protected void Report(DiagnosticDescriptor descriptor, Location location, ImmutableDictionary<string, string?>? properties, params object[] arguments) =>
        _report(Diagnostic.Create(descriptor, location, properties, arguments));

    /// <summary>The diagnostic properties a code fix reads (see the <c>*Property</c> names on <see cref="PropagationWalker"/>).</summary>
    protected static ImmutableDictionary<string, string?> Properties(params (string Key, string Value)[] entries)
    {
        var builder = ImmutableDictionary.CreateBuilder<string, string?>(StringComparer.Ordinal);
        foreach (var (key, value) in entries)
        {
            builder[key] = value;
        }

        return builder.ToImmutable();
    }

    /// <summary>How a method is named in a message: <c>Type.Method</c>, or the bare name of a local function.</summary>
    protected static string Display(IMethodSymbol method) =>
        method.MethodKind == MethodKind.LocalFunction || method.ContainingType is null
            ? method.Name
            : method.ContainingType.Name + "." + method.Name;
}
