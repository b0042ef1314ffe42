using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Contrail.Analyzers.Propagation;

/// <summary>
/// One method under inspection and the tokens available in it: the call's
/// <c>ServerCallContext.CancellationToken</c>, the handler's parameters, locals derived from the call's
/// token (a copy, a linked <c>CancellationTokenSource</c>), the <c>CancellationToken</c> parameters of
/// lambdas and local functions inside it and, for a helper, the parameter a handler passes the token to.
/// The search goes one level deep: a local's initializer, a member of a parameter or local.
/// </summary>
/// <remarks>
/// Nothing here walks a whole method: locals and local functions are looked up from their declaring
/// syntax when a rule asks, and the answers are cached. The method's operation tree is walked once, by
/// the analyzer driver, which the operation actions share with every other analyzer.
/// </remarks>
internal sealed class PropagationScope
{
    private readonly HashSet<IParameterSymbol> _tokenParameters = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<ILocalSymbol, LocalKind> _locals = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<IMethodSymbol, ILocalFunctionOperation?> _localFunctions = new(SymbolEqualityComparer.Default);

    private enum LocalKind
    {
        Other,
        Token,
        LinkedSource,
    }

    private PropagationScope(IMethodSymbol method, PropagationKnownTypes known, Compilation compilation, bool isHandler)
    {
        Method = method;
        Known = known;
        Compilation = compilation;
        IsHandler = isHandler;
    }

    public IMethodSymbol Method { get; }

    public PropagationKnownTypes Known { get; }

    public Compilation Compilation { get; }

    /// <summary>True for a handler; false for a helper reached with the call's token.</summary>
    public bool IsHandler { get; }

    /// <summary>The handler's <c>ServerCallContext</c> parameter, if it has one.</summary>
    public IParameterSymbol? ContextParameter { get; private set; }

    /// <summary>The helper's parameters that receive the call's token from a handler.</summary>
    public ImmutableArray<IParameterSymbol> HelperTokens { get; private set; } = ImmutableArray<IParameterSymbol>.Empty;

    /// <summary>The handler's request-scoped parameters: the context and the request and response streams.</summary>
    public ImmutableArray<IParameterSymbol> RequestScoped { get; private set; } = ImmutableArray<IParameterSymbol>.Empty;

    public static PropagationScope ForHandler(IMethodSymbol method, PropagationKnownTypes known, Compilation compilation)
    {
        var scope = new PropagationScope(method, known, compilation, isHandler: true);
        var requestScoped = ImmutableArray.CreateBuilder<IParameterSymbol>();
        foreach (var parameter in method.Parameters)
        {
            if (known.IsServerCallContext(parameter.Type))
            {
                scope.ContextParameter ??= parameter;
                requestScoped.Add(parameter);
            }
            else if (known.IsRequestStream(parameter.Type))
            {
                requestScoped.Add(parameter);
            }
            else if (known.IsCancellationToken(parameter.Type))
            {
                scope._tokenParameters.Add(parameter);
            }
        }

        scope.RequestScoped = requestScoped.ToImmutable();
        return scope;
    }

    public static PropagationScope ForHelper(IMethodSymbol method, ImmutableArray<IParameterSymbol> tokens, PropagationKnownTypes known, Compilation compilation)
    {
        var scope = new PropagationScope(method, known, compilation, isHandler: false) { HelperTokens = tokens };
        foreach (var token in tokens)
        {
            scope._tokenParameters.Add(token);
        }

        return scope;
    }

    /// <summary>True when the method has a token of the call to pass on.</summary>
    public bool HasCallToken => ContextParameter is not null || !HelperTokens.IsEmpty;

    /// <summary>
    /// True when <paramref name="operation"/> is the call's token or one derived from it:
    /// <c>context.CancellationToken</c>, a local copied from it, a linked source's <c>Token</c>, a
    /// token parameter of the helper or of a lambda or local function inside the method.
    /// </summary>
    public bool IsCallToken(IOperation? operation) => IsCallToken(operation, depth: 0);

    private bool IsCallToken(IOperation? operation, int depth)
    {
        operation = Unwrap(operation);
        switch (operation)
        {
            case IPropertyReferenceOperation property when property.Property.Name == "CancellationToken" && Known.IsServerCallContext(property.Property.ContainingType):
                return true;
            case IPropertyReferenceOperation property when property.Property.Name == "RequestAborted"
                && property.Property.ContainingType.ToDisplayString() == "Microsoft.AspNetCore.Http.HttpContext":
                // grpc-dotnet's call token is HttpContext.RequestAborted (context.GetHttpContext()).
                return true;
            case IPropertyReferenceOperation property when property.Property.Name == "Token"
                && PropagationKnownTypes.Is(property.Property.ContainingType, Known.CancellationTokenSource)
                && Unwrap(property.Instance) is ILocalReferenceOperation source:
                return Classify(source.Local, source, depth) == LocalKind.LinkedSource;
            case ILocalReferenceOperation local:
                return Classify(local.Local, local, depth) == LocalKind.Token;
            case IParameterReferenceOperation parameter:
                return IsTokenParameter(parameter.Parameter);
            default:
                return false;
        }
    }

    private bool IsTokenParameter(IParameterSymbol parameter) =>
        _tokenParameters.Contains(parameter)
        || (parameter.ContainingSymbol is IMethodSymbol { MethodKind: MethodKind.AnonymousFunction or MethodKind.LocalFunction }
            && Known.IsCancellationToken(parameter.Type));

    /// <summary>True when the operation is or reads the call's token, deadline or propagation token.</summary>
    public bool CarriesCallContext(IOperation? operation, int depth = 0)
    {
        if (operation is null)
        {
            return false;
        }

        foreach (var node in operation.DescendantsAndSelf())
        {
            if (IsCallToken(node))
            {
                return true;
            }

            switch (node)
            {
                case IPropertyReferenceOperation property when property.Property.Name == "Deadline" && Known.IsServerCallContext(property.Property.ContainingType):
                    return true;
                case IInvocationOperation invocation when invocation.TargetMethod.Name == "CreatePropagationToken" && Known.IsServerCallContext(invocation.TargetMethod.ContainingType):
                    return true;
                case ILocalReferenceOperation local when depth == 0 && FindInitializer(local.Local, local) is { } initializer && CarriesCallContext(initializer, depth + 1):
                    return true;
            }
        }

        return false;
    }

    /// <summary>True for <c>CancellationToken.None</c>, <c>default</c> and <c>new CancellationToken()</c>.</summary>
    public bool IsNoToken(IOperation? operation)
    {
        operation = Unwrap(operation);
        return operation switch
        {
            IDefaultValueOperation => true,
            IPropertyReferenceOperation property => property.Property.Name == "None" && Known.IsCancellationToken(property.Property.ContainingType),
            IObjectCreationOperation creation => Known.IsCancellationToken(creation.Type)
                && (creation.Arguments.Length == 0 || creation.Arguments[0].Value.ConstantValue is { HasValue: true, Value: false }),
            _ => false,
        };
    }

    /// <summary>
    /// The token to suggest at <paramref name="operation"/>: the innermost derived token in scope
    /// declared before it, else the helper's token parameter, else <c>context.CancellationToken</c>.
    /// </summary>
    public string? BestToken(IOperation operation)
    {
        var position = operation.Syntax.SpanStart;
        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            var locals = current switch
            {
                IBlockOperation block => block.Locals,
                IUsingOperation @using => @using.Locals,
                _ => ImmutableArray<ILocalSymbol>.Empty,
            };
            string? best = null;
            var bestPosition = -1;
            foreach (var local in locals)
            {
                var declared = local.Locations.Length > 0 ? local.Locations[0].SourceSpan.Start : int.MaxValue;
                if (declared >= position || declared <= bestPosition)
                {
                    continue;
                }

                switch (Classify(local, operation, 0))
                {
                    case LocalKind.LinkedSource:
                        best = local.Name + ".Token";
                        bestPosition = declared;
                        break;
                    case LocalKind.Token:
                        best = local.Name;
                        bestPosition = declared;
                        break;
                }
            }

            if (best is not null)
            {
                return best;
            }

            var parameters = current switch
            {
                IAnonymousFunctionOperation lambda => lambda.Symbol.Parameters,
                ILocalFunctionOperation function => function.Symbol.Parameters,
                _ => ImmutableArray<IParameterSymbol>.Empty,
            };
            foreach (var parameter in parameters)
            {
                if (Known.IsCancellationToken(parameter.Type))
                {
                    return parameter.Name;
                }
            }
        }

        if (!HelperTokens.IsEmpty)
        {
            return HelperTokens[0].Name;
        }

        return ContextParameter is null ? null : ContextParameter.Name + ".CancellationToken";
    }

    /// <summary>The operation of a local function declared in the method, found from its syntax.</summary>
    public ILocalFunctionOperation? FindLocalFunction(IMethodSymbol function, IOperation site) =>
        _localFunctions.GetOrAdd(function.OriginalDefinition, f =>
            f.DeclaringSyntaxReferences.Length == 1
            && f.DeclaringSyntaxReferences[0].SyntaxTree == site.Syntax.SyntaxTree
            && site.SemanticModel is { } model
                ? model.GetOperation(f.DeclaringSyntaxReferences[0].GetSyntax()) as ILocalFunctionOperation
                : null);

    /// <summary>The initializer of a local declared in the method, found from its syntax.</summary>
    public IOperation? FindInitializer(ILocalSymbol local, IOperation site)
    {
        if (local.DeclaringSyntaxReferences.Length != 1
            || local.DeclaringSyntaxReferences[0].SyntaxTree != site.Syntax.SyntaxTree
            || site.SemanticModel is not { } model
            || local.DeclaringSyntaxReferences[0].GetSyntax() is not VariableDeclaratorSyntax declarator)
        {
            return null;
        }

        return (model.GetOperation(declarator) as IVariableDeclaratorOperation)?.Initializer?.Value;
    }

    public static IOperation? Unwrap(IOperation? operation)
    {
        while (operation is IConversionOperation { IsImplicit: true } or IParenthesizedOperation)
        {
            operation = operation switch
            {
                IConversionOperation conversion => conversion.Operand,
                IParenthesizedOperation parenthesized => parenthesized.Operand,
                _ => operation,
            };
        }

        return operation;
    }

    private LocalKind Classify(ILocalSymbol local, IOperation site, int depth)
    {
        if (_locals.TryGetValue(local, out var known))
        {
            return known;
        }

        var kind = LocalKind.Other;
        if (depth < 4 && FindInitializer(local, site) is { } initializer)
        {
            if (Known.IsCancellationToken(local.Type) && IsCallToken(initializer, depth + 1))
            {
                kind = LocalKind.Token;
            }
            else if (PropagationKnownTypes.Is(local.Type, Known.CancellationTokenSource) && IsLinkedToCall(initializer, depth + 1))
            {
                kind = LocalKind.LinkedSource;
            }
        }

        return _locals.GetOrAdd(local, kind);
    }

    private bool IsLinkedToCall(IOperation value, int depth)
    {
        if (Unwrap(value) is not IInvocationOperation { TargetMethod.Name: "CreateLinkedTokenSource" } invocation)
        {
            return false;
        }

        foreach (var argument in invocation.Arguments)
        {
            if (IsCallToken(argument.Value, depth))
            {
                return true;
            }

            if (argument.Value is IArrayCreationOperation { Initializer: { } elements })
            {
                foreach (var element in elements.ElementValues)
                {
                    if (IsCallToken(element, depth))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }
}
