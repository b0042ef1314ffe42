using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Contrail.Analyzers.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Contrail.Analyzers.Propagation;

/// <summary>
/// Walks one handler (all five rules) or one helper reached with the call's token (CTR1001 only) and
/// reports what it finds. The code fixes read the fix's inputs from the diagnostic's properties, so they
/// need no semantic model.
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

    private static readonly HashSet<string> s_collectionAdds = new(StringComparer.Ordinal)
    {
        "Add", "AddFirst", "AddLast", "AddOrUpdate", "Enqueue", "GetOrAdd", "Insert", "Post", "Push", "TryAdd", "TryWrite", "WriteAsync",
    };

    private readonly PropagationScope _scope;
    private readonly PropagationOptions _options;
    private readonly ContextPropagationAnalyzer.TypeState _state;
    private readonly Action<Diagnostic> _report;
    private readonly CancellationToken _cancellationToken;
    private readonly PropagationKnownTypes _known;

    public PropagationWalker(PropagationScope scope, PropagationOptions options, ContextPropagationAnalyzer.TypeState state, Action<Diagnostic> report, CancellationToken cancellationToken)
    {
        _scope = scope;
        _options = options;
        _state = state;
        _report = report;
        _cancellationToken = cancellationToken;
        _known = scope.Known;
    }

    private string HandlerName => _scope.Method.Name;

    /// <summary>The operation kinds <see cref="Visit"/> handles; the analyzer registers these.</summary>
    public static readonly ImmutableArray<OperationKind> HandlerKinds = ImmutableArray.Create(
        OperationKind.Invocation, OperationKind.Loop, OperationKind.SimpleAssignment, OperationKind.EventAssignment, OperationKind.AnonymousFunction);

    /// <summary>The operation kinds a helper (CTR1001 only) needs.</summary>
    public static readonly ImmutableArray<OperationKind> HelperKinds = ImmutableArray.Create(OperationKind.Invocation, OperationKind.Loop);

    /// <summary>Applies the rules to one operation of the method.</summary>
    public void Visit(IOperation operation)
    {
        _cancellationToken.ThrowIfCancellationRequested();
        switch (operation)
        {
            case IInvocationOperation invocation:
                OnInvocation(invocation);
                break;
            case IForEachLoopOperation { IsAsynchronous: true } loop:
                OnAwaitForEach(loop);
                break;
            case ISimpleAssignmentOperation assignment when _scope.IsHandler:
                OnAssignment(assignment);
                break;
            case IEventAssignmentOperation { Adds: true } subscription when _scope.IsHandler:
                OnEventSubscription(subscription);
                break;
            case IAnonymousFunctionOperation { Symbol: { IsAsync: true, ReturnsVoid: true } } lambda when _scope.IsHandler:
                ReportAsyncVoidLambda(lambda);
                break;
        }
    }

    private void OnInvocation(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        if (_scope.IsHandler)
        {
            CheckTraceCut(invocation);
            CheckWorkOutlivesCall(invocation);
            CheckEscapeThroughCollection(invocation);
        }

        if (_known.IsGrpcClient(method.ContainingType) && IsGeneratedRpcMethod(method))
        {
            if (_scope.IsHandler)
            {
                CheckClientCall(invocation);
            }

            return;
        }

        CheckCancellation(invocation);
    }

    // ---- CTR1001 ----------------------------------------------------------------------------------

    private void CheckCancellation(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        if (!_scope.HasCallToken || IsExemptFromCancellation(invocation))
        {
            return;
        }

        IArgumentOperation? missing = null;
        IArgumentOperation? none = null;
        var hasTokenParameter = false;
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter is null || !_known.IsCancellationToken(argument.Parameter.Type))
            {
                continue;
            }

            hasTokenParameter = true;
            if (argument.ArgumentKind == ArgumentKind.DefaultValue)
            {
                missing ??= argument;
            }
            else if (_scope.IsNoToken(argument.Value))
            {
                none ??= argument;
            }
            else
            {
                if (_scope.IsCallToken(argument.Value))
                {
                    _state.RecordReceiver(method, argument.Parameter.Ordinal);
                }

                // Some token is passed on purpose: the call is not this rule's business.
                return;
            }
        }

        var display = Display(method);
        if (none is not null && _scope.BestToken(invocation) is { } token)
        {
            Report(DiagnosticDescriptors.CancellationNotPassed, none.Value.Syntax.GetLocation(),
                Properties(("FixKind", "Replace"), ("Token", token)),
                $"'{display}' is given '{none.Value.Syntax}' as its CancellationToken", token);
        }
        else if (missing is not null && _scope.BestToken(invocation) is { } missingToken)
        {
            var positional = IsPositionalAppend(invocation, missing.Parameter!.Ordinal);
            Report(DiagnosticDescriptors.CancellationNotPassed, invocation.Syntax.GetLocation(),
                Properties(("FixKind", "Add"), ("Token", missingToken), ("Parameter", missing.Parameter.Name), ("Positional", positional ? "true" : "false")),
                $"'{display}' takes a CancellationToken but is given none", missingToken);
        }
        else if (!hasTokenParameter && FindTokenOverload(method) is { } overload && _scope.BestToken(invocation) is { } overloadToken)
        {
            var tokenParameter = overload.Parameters[overload.Parameters.Length - 1];
            var positional = IsPositionalAppend(invocation, tokenParameter.Ordinal);
            Report(DiagnosticDescriptors.CancellationNotPassed, invocation.Syntax.GetLocation(),
                Properties(("FixKind", "Add"), ("Token", overloadToken), ("Parameter", tokenParameter.Name), ("Positional", positional ? "true" : "false")),
                $"'{display}' has an overload that takes a CancellationToken", overloadToken);
        }
    }

    private void OnAwaitForEach(IForEachLoopOperation loop)
    {
        if (!_scope.HasCallToken)
        {
            return;
        }

        var collection = PropagationScope.Unwrap(loop.Collection);
        while (collection is IInvocationOperation { TargetMethod.Name: "ConfigureAwait" or "WithCancellation" } configured)
        {
            if (configured.TargetMethod.Name == "WithCancellation")
            {
                // The token given to WithCancellation is an argument like any other: CheckCancellation judges it.
                return;
            }

            collection = PropagationScope.Unwrap(configured.Instance ?? (configured.Arguments.Length > 0 ? configured.Arguments[0].Value : null));
        }

        if (collection is null || !IsAsyncEnumerable(collection.Type))
        {
            return;
        }

        if (collection is IInvocationOperation producer
            && (producer.TargetMethod.Parameters.Any(p => _known.IsCancellationToken(p.Type)) || IsExemptFromCancellation(producer)))
        {
            // The producing call takes the token itself; CTR1001 checks that call.
            return;
        }

        var token = _scope.BestToken(loop);
        if (token is null)
        {
            return;
        }

        var syntax = PropagationScope.Unwrap(loop.Collection)!.Syntax;
        Report(DiagnosticDescriptors.CancellationNotPassed, syntax.GetLocation(),
            Properties(("FixKind", "WithCancellation"), ("Token", token)),
            $"'await foreach' over '{Shorten(collection.Syntax.ToString())}' passes no token to the enumerator (WithCancellation)", token);
    }

    private bool IsExemptFromCancellation(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        var type = method.ContainingType;

        // The token of Task.Run/StartNew only stops the delegate from starting: CTR1003 watches those.
        if ((PropagationKnownTypes.Is(type, _known.Task) && method.Name is "Run" or "ContinueWith" or "WhenAll" or "WhenAny")
            || (PropagationKnownTypes.Is(type?.OriginalDefinition, _known.TaskOfT) && method.Name == "ContinueWith")
            || PropagationKnownTypes.Is(type, _known.TaskFactory) || PropagationKnownTypes.Is(type?.OriginalDefinition, _known.TaskFactoryOfT)
            || PropagationKnownTypes.Is(type, _known.ThreadPool)
            || PropagationKnownTypes.Is(type, _known.CancellationTokenSource)
            || PropagationKnownTypes.Is(type, _known.CancellationToken)
            || _known.IsServerCallContext(type))
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

        if (_known.IsRequestStream(type))
        {
            return true;
        }

        foreach (var @interface in type.AllInterfaces)
        {
            if (_known.IsRequestStream(@interface))
            {
                return true;
            }
        }

        return false;
    }

    private bool IsAsyncEnumerable(ITypeSymbol? type)
    {
        if (type is null || _known.AsyncEnumerable is null)
        {
            return false;
        }

        return PropagationKnownTypes.Is(type.OriginalDefinition, _known.AsyncEnumerable)
            || type.AllInterfaces.Any(i => PropagationKnownTypes.Is(i.OriginalDefinition, _known.AsyncEnumerable));
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
                || !_known.IsCancellationToken(candidate.Parameters[candidate.Parameters.Length - 1].Type)
                || candidate.GetAttributes().Any(a => a.AttributeClass?.Name == "ObsoleteAttribute")
                || !_scope.Compilation.IsSymbolAccessibleWithin(candidate, _scope.Method.ContainingType))
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

    // ---- CTR1002 ----------------------------------------------------------------------------------

    private bool IsGeneratedRpcMethod(IMethodSymbol method) =>
        !method.IsStatic && method.Parameters.Any(p => _known.IsCancellationToken(p.Type) || PropagationKnownTypes.Is(p.Type, _known.CallOptions));

    private void CheckClientCall(IInvocationOperation invocation)
    {
        if (_options.ClientFactoryPropagation || _scope.ContextParameter is null)
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

            if (PropagationKnownTypes.Is(parameter.Type, _known.CallOptions))
            {
                options = argument;
                carried |= argument.ArgumentKind != ArgumentKind.DefaultValue && _scope.CarriesCallContext(argument.Value);
            }
            else if (_known.IsCancellationToken(parameter.Type) || parameter.Name == "deadline")
            {
                carried |= argument.ArgumentKind != ArgumentKind.DefaultValue && _scope.CarriesCallContext(argument.Value);
            }
        }

        if (carried)
        {
            return;
        }

        var token = _scope.BestToken(invocation) ?? _scope.ContextParameter.Name + ".CancellationToken";
        var context = _scope.ContextParameter.Name;
        var arguments = $"deadline: {context}.Deadline, cancellationToken: {token}";
        Report(DiagnosticDescriptors.ClientCallWithoutDeadline, invocation.Syntax.GetLocation(),
            Properties(("FixKind", options is null ? "Arguments" : "CallOptions"), ("Token", token), ("Context", context)),
            Display(invocation.TargetMethod), arguments);
    }

    // ---- CTR1003 ----------------------------------------------------------------------------------

    private void CheckWorkOutlivesCall(IInvocationOperation invocation)
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
            if (IsDiscarded(invocation) || PropagationKnownTypes.Is(method.ContainingType, _known.ThreadPool))
            {
                Report(DiagnosticDescriptors.WorkOutlivesCall, invocation.Syntax.GetLocation(), null,
                    $"Work started with '{Display(method)}' and not awaited", HandlerName);
            }

            return;
        }

        if (IsDiscarded(invocation) && _known.IsAwaitableTask(method.ReturnType))
        {
            Report(DiagnosticDescriptors.WorkOutlivesCall, invocation.Syntax.GetLocation(), null,
                $"The task returned by '{Display(method)}' is discarded, so the work", HandlerName);
        }
    }

    private void ReportAsyncVoidLambda(IAnonymousFunctionOperation lambda)
    {
        var location = lambda.Syntax is AnonymousFunctionExpressionSyntax { AsyncKeyword: var keyword } && keyword.Span.Length > 0
            ? keyword.GetLocation()
            : lambda.Syntax.GetLocation();
        Report(DiagnosticDescriptors.WorkOutlivesCall, location, null, "An async void lambda", HandlerName);
    }

    /// <summary>Task.Run, Task.Factory.StartNew, ThreadPool.QueueUserWorkItem and ContinueWith.</summary>
    private bool IsStart(IMethodSymbol method)
    {
        var type = method.ContainingType;
        return (PropagationKnownTypes.Is(type, _known.Task) && method.Name is "Run" or "ContinueWith")
            || (PropagationKnownTypes.Is(type?.OriginalDefinition, _known.TaskOfT) && method.Name == "ContinueWith")
            || ((PropagationKnownTypes.Is(type, _known.TaskFactory) || PropagationKnownTypes.Is(type?.OriginalDefinition, _known.TaskFactoryOfT)) && method.Name == "StartNew")
            || (PropagationKnownTypes.Is(type, _known.ThreadPool) && method.Name == "QueueUserWorkItem");
    }

    private static bool IsDiscarded(IOperation operation)
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

    // ---- CTR1004 ----------------------------------------------------------------------------------

    private void CheckTraceCut(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        var type = method.ContainingType;
        if (PropagationKnownTypes.Is(type, _known.ExecutionContext) && method.Name == "SuppressFlow")
        {
            Report(DiagnosticDescriptors.TraceContextCut, invocation.Syntax.GetLocation(), null,
                "'ExecutionContext.SuppressFlow()'",
                "work started while the flow is suppressed has no Activity.Current, so its spans start traces of their own; let the execution context flow");
            return;
        }

        if ((PropagationKnownTypes.Is(type, _known.ThreadPool) || PropagationKnownTypes.Is(type, _known.CancellationToken))
            && method.Name.StartsWith("Unsafe", StringComparison.Ordinal))
        {
            var safe = method.Name.Substring("Unsafe".Length);
            Report(DiagnosticDescriptors.TraceContextCut, invocation.Syntax.GetLocation(), null,
                $"'{Display(method)}'",
                $"it does not flow the execution context, so the work has no Activity.Current and its spans start traces of their own; use '{type!.Name}.{safe}'");
            return;
        }

        var isStart = PropagationKnownTypes.Is(type, _known.ActivitySource) && method.Name is "StartActivity" or "CreateActivity";
        var isSetParent = PropagationKnownTypes.Is(type, _known.Activity) && method.Name == "SetParentId";
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

    private bool ContainsRandomIds(IOperation operation, int depth)
    {
        foreach (var node in operation.DescendantsAndSelf())
        {
            switch (node)
            {
                case IInvocationOperation { TargetMethod.Name: "CreateRandom" } create
                    when PropagationKnownTypes.Is(create.TargetMethod.ContainingType, _known.ActivityTraceId) || PropagationKnownTypes.Is(create.TargetMethod.ContainingType, _known.ActivitySpanId):
                    return true;
                case ILocalReferenceOperation local when depth == 0 && _scope.FindInitializer(local.Local, local) is { } initializer && ContainsRandomIds(initializer, 1):
                    return true;
            }
        }

        return false;
    }

    // ---- CTR1005 (and Activity.Current = null for CTR1004) ----------------------------------------

    private void OnAssignment(ISimpleAssignmentOperation assignment)
    {
        if (assignment.Target is IPropertyReferenceOperation { Property: { Name: "Current", IsStatic: true } current }
            && PropagationKnownTypes.Is(current.ContainingType, _known.Activity))
        {
            if (PropagationScope.Unwrap(assignment.Value) is { ConstantValue: { HasValue: true, Value: null } })
            {
                Report(DiagnosticDescriptors.TraceContextCut, assignment.Syntax.GetLocation(), null,
                    "'Activity.Current = null'",
                    "what runs after it has no parent span, so its spans start traces of their own; start a child activity instead, or restore Activity.Current");
            }

            return;
        }

        if (!IsEscapingStorage(assignment.Target))
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

    private void OnEventSubscription(IEventAssignmentOperation subscription)
    {
        if (subscription.EventReference is IEventReferenceOperation reference && IsEscapingRoot(reference.Instance, reference.Event.IsStatic))
        {
            ReportCaptures(PropagationScope.Unwrap(subscription.HandlerValue), $"is captured by a handler of the event '{reference.Event.Name}'");
        }
    }

    private void CheckEscapeThroughCollection(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        if (IsStart(method) && (IsDiscarded(invocation) || PropagationKnownTypes.Is(method.ContainingType, _known.ThreadPool)))
        {
            foreach (var argument in invocation.Arguments)
            {
                ReportCaptures(PropagationScope.Unwrap(argument.Value), $"is captured by work started with '{Display(method)}' and not awaited");
            }

            return;
        }

        if (method.MethodKind == MethodKind.LocalFunction && IsDiscarded(invocation) && _scope.FindLocalFunction(method, invocation) is { } function)
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
                when _scope.FindLocalFunction(reference.Method, reference) is { } function:
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
        _scope.RequestScoped.Contains(parameter, SymbolEqualityComparer.Default);

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

    // ---- reporting --------------------------------------------------------------------------------

    private void Report(DiagnosticDescriptor descriptor, Location location, ImmutableDictionary<string, string?>? properties, params object[] arguments) =>
        _report(Diagnostic.Create(descriptor, location, properties, arguments));

    private static ImmutableDictionary<string, string?> Properties(params (string Key, string Value)[] entries)
    {
        var builder = ImmutableDictionary.CreateBuilder<string, string?>(StringComparer.Ordinal);
        foreach (var (key, value) in entries)
        {
            builder[key] = value;
        }

        return builder.ToImmutable();
    }

    private static string Display(IMethodSymbol method) =>
        method.MethodKind == MethodKind.LocalFunction || method.ContainingType is null
            ? method.Name
            : method.ContainingType.Name + "." + method.Name;

    private static string Shorten(string text)
    {
        text = string.Join(" ", text.Split(new[] { '\r', '\n' }, StringSplitOptions.RemoveEmptyEntries).Select(line => line.Trim()));
        return text.Length <= 60 ? text : text.Substring(0, 57) + "...";
    }
}
