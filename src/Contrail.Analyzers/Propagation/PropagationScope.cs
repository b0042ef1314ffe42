using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Contrail.Analyzers.Propagation;

/// <summary>
/// One method under inspection and the tokens available in it: the call's
/// <c>ServerCallContext.CancellationToken</c>, the handler's parameters, locals derived from the call's
/// token (a copy, a linked <c>CancellationTokenSource</c>), the <c>CancellationToken</c> parameters of
/// lambdas and local functions inside it and, for a helper, the parameter a handler passes the token to.
/// The search goes one level deep: a local's initializer, a member of a parameter or local.
/// </summary>
internal sealed class PropagationScope
{
    private readonly HashSet<ISymbol> _tokenSymbols = new(SymbolEqualityComparer.Default);
    private readonly HashSet<ILocalSymbol> _linkedSources = new(SymbolEqualityComparer.Default);

    private PropagationScope(IMethodSymbol method, ImmutableArray<IOperation> blocks, PropagationKnownTypes known, Compilation compilation, bool isHandler)
    {
        Method = method;
        Blocks = blocks;
        Known = known;
        Compilation = compilation;
        IsHandler = isHandler;
    }

    public IMethodSymbol Method { get; }

    public ImmutableArray<IOperation> Blocks { get; }

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

    /// <summary>Local functions declared in the method, by symbol, so captures can be followed.</summary>
    public Dictionary<IMethodSymbol, ILocalFunctionOperation> LocalFunctions { get; } = new(SymbolEqualityComparer.Default);

    public static PropagationScope ForHandler(IMethodSymbol method, ImmutableArray<IOperation> blocks, PropagationKnownTypes known, Compilation compilation)
    {
        var scope = new PropagationScope(method, blocks, known, compilation, isHandler: true);
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
                scope._tokenSymbols.Add(parameter);
            }
        }

        scope.RequestScoped = requestScoped.ToImmutable();
        scope.CollectDerivedTokens();
        return scope;
    }

    public static PropagationScope ForHelper(IMethodSymbol method, ImmutableArray<IOperation> blocks, ImmutableArray<IParameterSymbol> tokens, PropagationKnownTypes known, Compilation compilation)
    {
        var scope = new PropagationScope(method, blocks, known, compilation, isHandler: false) { HelperTokens = tokens };
        foreach (var token in tokens)
        {
            scope._tokenSymbols.Add(token);
        }

        scope.CollectDerivedTokens();
        return scope;
    }

    /// <summary>True when the method has a token of the call to pass on.</summary>
    public bool HasCallToken => ContextParameter is not null || !HelperTokens.IsEmpty;

    /// <summary>
    /// True when <paramref name="operation"/> is the call's token or one derived from it:
    /// <c>context.CancellationToken</c>, a local copied from it, a linked source's <c>Token</c>, a
    /// token parameter of the helper or of a lambda or local function inside the method.
    /// </summary>
    public bool IsCallToken(IOperation? operation)
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
                return _linkedSources.Contains(source.Local);
            case ILocalReferenceOperation local:
                return _tokenSymbols.Contains(local.Local);
            case IParameterReferenceOperation parameter:
                return _tokenSymbols.Contains(parameter.Parameter);
            default:
                return false;
        }
    }

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
                case ILocalReferenceOperation local when depth == 0 && FindInitializer(local.Local) is { } initializer && CarriesCallContext(initializer, depth + 1):
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
            ImmutableArray<ILocalSymbol> locals = current switch
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

                if (_linkedSources.Contains(local))
                {
                    best = local.Name + ".Token";
                    bestPosition = declared;
                }
                else if (_tokenSymbols.Contains(local))
                {
                    best = local.Name;
                    bestPosition = declared;
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

    private IOperation? FindInitializer(ILocalSymbol local)
    {
        foreach (var block in Blocks)
        {
            foreach (var node in block.Descendants())
            {
                if (node is IVariableDeclaratorOperation declarator && SymbolEqualityComparer.Default.Equals(declarator.Symbol, local))
                {
                    return declarator.Initializer?.Value;
                }
            }
        }

        return null;
    }

    private void CollectDerivedTokens()
    {
        // Declarations come in source order, so a copy of a copy is found in one pass.
        foreach (var block in Blocks)
        {
            foreach (var node in block.Descendants())
            {
                switch (node)
                {
                    case IVariableDeclaratorOperation declarator when declarator.Initializer is { } initializer:
                        if (Known.IsCancellationToken(declarator.Symbol.Type) && IsCallToken(initializer.Value))
                        {
                            _tokenSymbols.Add(declarator.Symbol);
                        }
                        else if (PropagationKnownTypes.Is(declarator.Symbol.Type, Known.CancellationTokenSource) && IsLinkedToCall(initializer.Value))
                        {
                            _linkedSources.Add(declarator.Symbol);
                        }

                        break;
                    case IAnonymousFunctionOperation lambda:
                        AddTokenParameters(lambda.Symbol);
                        break;
                    case ILocalFunctionOperation function:
                        LocalFunctions[function.Symbol] = function;
                        AddTokenParameters(function.Symbol);
                        break;
                }
            }
        }
    }

    private void AddTokenParameters(IMethodSymbol function)
    {
        foreach (var parameter in function.Parameters)
        {
            if (Known.IsCancellationToken(parameter.Type))
            {
                _tokenSymbols.Add(parameter);
            }
        }
    }

    private bool IsLinkedToCall(IOperation value)
    {
        if (Unwrap(value) is not IInvocationOperation { TargetMethod.Name: "CreateLinkedTokenSource" } invocation)
        {
            return false;
        }

        foreach (var argument in invocation.Arguments)
        {
            if (IsCallToken(argument.Value))
            {
                return true;
            }

            if (argument.Value is IArrayCreationOperation { Initializer: { } elements })
            {
                foreach (var element in elements.ElementValues)
                {
                    if (IsCallToken(element))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }
}
