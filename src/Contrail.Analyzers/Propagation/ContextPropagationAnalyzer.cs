using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Contrail.Analyzers.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Contrail.Analyzers.Propagation;

/// <summary>
/// The context-propagation rules CTR1001 to CTR1005: inside a gRPC handler, the call's cancellation,
/// deadline and trace must be carried on, and the call's request-scoped objects must not escape it.
/// </summary>
/// <remarks>
/// Registration is per type: a type without a handler registers nothing. Handlers are inspected by
/// operation actions, so the operation tree is walked once by the driver for all analyzers; other methods of the type that take a <c>CancellationToken</c> are
/// kept until the type's end, when the ones a handler passes the call's token to are checked against
/// that parameter (CTR1001 only), transitively within the type.
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ContextPropagationAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.CancellationNotPassed,
        DiagnosticDescriptors.ClientCallWithoutDeadline,
        DiagnosticDescriptors.WorkOutlivesCall,
        DiagnosticDescriptors.TraceContextCut,
        DiagnosticDescriptors.RequestScopedObjectEscapes);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var known = PropagationKnownTypes.TryCreate(start.Compilation);
            if (known is null)
            {
                // No gRPC server API: no handlers can exist, so nothing is registered at all.
                return;
            }

            start.RegisterSymbolStartAction(symbolStart => OnTypeStart(symbolStart, known), SymbolKind.NamedType);
        });
    }

    private static void OnTypeStart(SymbolStartAnalysisContext context, PropagationKnownTypes known)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        if (!type.GetMembers().Any(member => member is IMethodSymbol method && IsHandler(method, known)))
        {
            return;
        }

        var state = new TypeState(type, known, context.Compilation);
        context.RegisterOperationBlockStartAction(blockStart =>
        {
            if (blockStart.OwningSymbol is not IMethodSymbol method || !SymbolEqualityComparer.Default.Equals(method.ContainingType, type))
            {
                return;
            }

            if (IsHandler(method, known))
            {
                // Rules run as the driver walks the method's operations; the findings are reported at the
                // block's end, from the block's own context.
                var options = PropagationOptions.Read(blockStart.Options.AnalyzerConfigOptionsProvider.GetOptions(blockStart.OperationBlocks[0].Syntax.SyntaxTree));
                var findings = new ConcurrentQueue<Diagnostic>();
                var walker = new PropagationWalker(PropagationScope.ForHandler(method, known, context.Compilation), options, state, findings.Enqueue, blockStart.CancellationToken);
                blockStart.RegisterOperationAction(operation => walker.Visit(operation.Operation), PropagationWalker.HandlerKinds);
                blockStart.RegisterOperationBlockEndAction(end =>
                {
                    while (findings.TryDequeue(out var diagnostic))
                    {
                        end.ReportDiagnostic(diagnostic);
                    }
                });
            }
            else if (method.Parameters.Any(p => known.IsCancellationToken(p.Type)))
            {
                // Kept until the type's end: only then is it known whether a handler passes the call's token here.
                var operations = state.Candidates.GetOrAdd(method.OriginalDefinition, _ => new ConcurrentQueue<IOperation>());
                blockStart.RegisterOperationAction(operation => operations.Enqueue(operation.Operation), PropagationWalker.HelperKinds);
            }
        });
        context.RegisterSymbolEndAction(end => state.CheckHelpers(end.ReportDiagnostic, end.CancellationToken));
    }

    /// <summary>
    /// A handler overrides a method of a gRPC service base (a class marked [BindServiceMethod]) or takes
    /// a <c>ServerCallContext</c>.
    /// </summary>
    internal static bool IsHandler(IMethodSymbol method, PropagationKnownTypes known)
    {
        if (method.MethodKind != MethodKind.Ordinary || method.IsAbstract)
        {
            return false;
        }

        foreach (var parameter in method.Parameters)
        {
            if (known.IsServerCallContext(parameter.Type))
            {
                return true;
            }
        }

        if (known.BindServiceMethodAttribute is null)
        {
            return false;
        }

        for (var overridden = method.OverriddenMethod; overridden is not null; overridden = overridden.OverriddenMethod)
        {
            foreach (var attribute in overridden.ContainingType.GetAttributes())
            {
                if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, known.BindServiceMethodAttribute))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>What one type's analysis shares between its handlers and the type's end.</summary>
    internal sealed class TypeState
    {
        private readonly ConcurrentDictionary<IMethodSymbol, ConcurrentDictionary<int, bool>> _receivers = new(SymbolEqualityComparer.Default);

        public TypeState(INamedTypeSymbol type, PropagationKnownTypes known, Compilation compilation)
        {
            Type = type;
            Known = known;
            Compilation = compilation;
        }

        public INamedTypeSymbol Type { get; }

        public PropagationKnownTypes Known { get; }

        public Compilation Compilation { get; }

        /// <summary>Non-handler methods of the type that take a CancellationToken, with the operations CTR1001 looks at.</summary>
        public ConcurrentDictionary<IMethodSymbol, ConcurrentQueue<IOperation>> Candidates { get; } = new(SymbolEqualityComparer.Default);

        /// <summary>Records that the call's token is passed to parameter <paramref name="ordinal"/> of a method of this type.</summary>
        public void RecordReceiver(IMethodSymbol method, int ordinal)
        {
            var definition = method.OriginalDefinition;
            if (definition.MethodKind == MethodKind.Ordinary && SymbolEqualityComparer.Default.Equals(definition.ContainingType, Type))
            {
                _receivers.GetOrAdd(definition, _ => new ConcurrentDictionary<int, bool>())[ordinal] = true;
            }
        }

        public void CheckHelpers(System.Action<Diagnostic> report, System.Threading.CancellationToken cancellationToken)
        {
            var done = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
            bool progressed;
            do
            {
                progressed = false;
                foreach (var receiver in _receivers.ToArray())
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    if (done.Contains(receiver.Key) || !Candidates.TryGetValue(receiver.Key, out var operations))
                    {
                        continue;
                    }

                    done.Add(receiver.Key);
                    progressed = true;
                    var tokens = receiver.Value.Keys.Where(i => i < receiver.Key.Parameters.Length).Select(i => receiver.Key.Parameters[i]).ToImmutableArray();
                    var walker = new PropagationWalker(PropagationScope.ForHelper(receiver.Key, tokens, Known, Compilation), PropagationOptions.Default, this, report, cancellationToken);
                    foreach (var operation in operations)
                    {
                        walker.Visit(operation);
                    }
                }
            }
            while (progressed);
        }
    }
}
