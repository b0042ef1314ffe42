using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Contrail.Generators.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Contrail.Generators.Errors;

/// <summary>
/// Reports misuse of <c>[GrpcError]</c>, <c>[ErrorDomain]</c> and <c>[ErrorMetadata]</c> through the
/// generator's parser, duplicate reasons within a domain, and unmapped exceptions thrown by traced
/// handlers.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ErrorCatalogAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.InvalidErrorReason,
        DiagnosticDescriptors.DuplicateErrorReason,
        DiagnosticDescriptors.MissingErrorDomain,
        DiagnosticDescriptors.InvalidErrorMetadataKey,
        DiagnosticDescriptors.MessagePlaceholderWithoutMetadata,
        DiagnosticDescriptors.InvalidErrorCode,
        DiagnosticDescriptors.InvalidErrorMetadataMember,
        DiagnosticDescriptors.UnmappedExceptionInTracedHandler,
        DiagnosticDescriptors.InvalidErrorType,
        DiagnosticDescriptors.InvalidErrorDomainSettings);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var compilation = start.Compilation;
            var types = ErrorCatalogKnownTypes.Create(compilation);
            if (types is null)
            {
                return;
            }

            var grpcError = types.GrpcErrorAttribute;
            var errorMetadata = types.ErrorMetadataAttribute;
            var (defaultDomain, _) = ErrorCatalogParser.ReadAssemblyDefaults(compilation.Assembly);
            var hasDefaultDomain = !string.IsNullOrWhiteSpace(defaultDomain);
            var declared = new ConcurrentBag<(string Domain, string Reason, string Name, Location Location)>();
            var catalogued = new ConcurrentBag<(GrpcErrorModel Model, Location Location)>();
            var invalidSettings = FindInvalidDomainSettings(compilation, start.CancellationToken);
            if (invalidSettings is not null)
            {
                start.RegisterCompilationEndAction(end => end.ReportDiagnostic(invalidSettings));
            }


            start.RegisterSymbolAction(symbolContext =>
            {
                var type = (INamedTypeSymbol)symbolContext.Symbol;
                var targets = type.TypeKind == TypeKind.Enum
                    ? type.GetMembers().OfType<IFieldSymbol>().Cast<ISymbol>()
                    : new ISymbol[] { type };
                foreach (var target in targets)
                {
                    var attribute = target.GetAttributes().FirstOrDefault(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, grpcError));
                    if (attribute is null)
                    {
                        continue;
                    }

                    var diagnostics = new List<Diagnostic>();
                    var model = new ErrorCatalogParser(types, diagnostics, symbolContext.CancellationToken).Parse(target, attribute, hasDefaultDomain);
                    foreach (var diagnostic in diagnostics)
                    {
                        symbolContext.ReportDiagnostic(diagnostic);
                    }

                    if (model is not null)
                    {
                        var location = attribute.ApplicationSyntaxReference?.GetSyntax(symbolContext.CancellationToken).GetLocation() ?? target.Locations.First();
                        declared.Add((model.Domain ?? defaultDomain!, model.Reason, model.DisplayName, location));
                        catalogued.Add((model, location));
                    }
                }
            }, SymbolKind.NamedType);

            start.RegisterSymbolAction(symbolContext =>
            {
                var property = (IPropertySymbol)symbolContext.Symbol;
                var attribute = property.GetAttributes().FirstOrDefault(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, errorMetadata));

                // An abstract exception may hold metadata its mapped subclasses send.
                if (attribute is null || property.ContainingType.IsAbstract
                    || property.ContainingType.GetAttributes().Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, grpcError)))
                {
                    return;
                }

                var diagnostics = new List<Diagnostic>();
                new ErrorCatalogParser(types, diagnostics, symbolContext.CancellationToken).CheckMetadataOutsideError(property, attribute);
                foreach (var diagnostic in diagnostics)
                {
                    symbolContext.ReportDiagnostic(diagnostic);
                }
            }, SymbolKind.Property);

            start.RegisterCompilationEndAction(endContext =>
            {
                foreach (var group in declared.GroupBy(d => (d.Domain, d.Reason)))
                {
                    var ordered = group.OrderBy(d => d.Location.SourceTree?.FilePath, System.StringComparer.Ordinal).ThenBy(d => d.Location.SourceSpan.Start).ToList();
                    foreach (var duplicate in ordered.Skip(1))
                    {
                        endContext.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.DuplicateErrorReason, duplicate.Location,
                            group.Key.Reason, ordered[0].Name, group.Key.Domain));
                    }
                }
            });

            start.RegisterCompilationEndAction(endContext =>
            {
                if (FindCatalogNameClash(endContext.Compilation, catalogued, endContext.CancellationToken) is { } clash)
                {
                    endContext.ReportDiagnostic(clash);
                }
            });

            RegisterUnmappedThrows(start, types);
        });
    }

    /// <summary>CTR4010: the catalog's full name is a user type it cannot join, so no catalog is generated.</summary>
    private static Diagnostic? FindCatalogNameClash(Compilation compilation, IEnumerable<(GrpcErrorModel Model, Location Location)> catalogued, System.Threading.CancellationToken cancellationToken)
    {
        var errors = catalogued.OrderBy(e => e.Location.SourceTree?.FilePath, System.StringComparer.Ordinal).ThenBy(e => e.Location.SourceSpan.Start).ToList();
        if (errors.Count == 0)
        {
            return null;
        }

        var (_, configured) = ErrorCatalogParser.ReadAssemblyDefaults(compilation.Assembly);
        var catalogName = ErrorCatalogParser.EffectiveCatalogName(configured);
        var ns = ErrorCatalogText.CatalogNamespace(errors.Select(e => e.Model).ToList());
        if (!ErrorCatalogParser.NamespacesTakingCatalogName(compilation, catalogName, cancellationToken).Contains(ns))
        {
            return null;
        }

        var attribute = compilation.Assembly.GetAttributes()
            .FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == ErrorCatalogKnownTypes.ErrorDomainAttributeName);
        var location = attribute?.ApplicationSyntaxReference?.GetSyntax(cancellationToken).GetLocation() ?? errors[0].Location;
        var fullName = ns.Length > 0 ? ns + "." + catalogName : catalogName;
        return Diagnostic.Create(DiagnosticDescriptors.InvalidErrorDomainSettings, location,
            $"names the catalog '{fullName}', but a type of that name is already declared and is not a static partial class; no catalog is generated: set another CatalogName");
    }

    /// <summary>CTR4010: an empty domain, or a CatalogName that is not a C# identifier.</summary>
    private static Diagnostic? FindInvalidDomainSettings(Compilation compilation, System.Threading.CancellationToken cancellationToken)
    {
        var attribute = compilation.Assembly.GetAttributes()
            .FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == ErrorCatalogKnownTypes.ErrorDomainAttributeName);
        if (attribute is null)
        {
            return null;
        }

        var (domain, catalogName) = ErrorCatalogParser.ReadAssemblyDefaults(compilation.Assembly);
        string? problem = null;
        if (string.IsNullOrWhiteSpace(domain))
        {
            problem = "has an empty domain: name a globally unique domain, usually the service's DNS name";
        }
        else if (catalogName is not null && !ErrorCatalogParser.IsUsableCatalogName(catalogName))
        {
            problem = $"names the catalog '{catalogName}', which is not a C# identifier (or is a keyword); the generated class is called GrpcErrors instead";
        }

        return problem is null
            ? null
            : Diagnostic.Create(DiagnosticDescriptors.InvalidErrorDomainSettings, attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken).GetLocation() ?? Location.None, problem);
    }

    /// <summary>CTR4008: an exception without a mapping thrown inside a traced handler surfaces as UNKNOWN.</summary>
    private static void RegisterUnmappedThrows(CompilationStartAnalysisContext start, ErrorCatalogKnownTypes types)
    {
        var grpcError = types.GrpcErrorAttribute;
        var tracedService = types.TracedServiceAttribute;
        var serverCallContext = types.ServerCallContext;
        var rpcException = types.RpcException;
        var cancelled = types.OperationCanceledException;
        if (tracedService is null || serverCallContext is null || rpcException is null || cancelled is null)
        {
            return;
        }

        start.RegisterOperationAction(operationContext =>
        {
            var throwOperation = (IThrowOperation)operationContext.Operation;
            var thrown = throwOperation.Exception;
            while (thrown is IConversionOperation conversion)
            {
                thrown = conversion.Operand;
            }

            if (thrown?.Type is not INamedTypeSymbol type
                || operationContext.ContainingSymbol is not IMethodSymbol method
                || !IsTracedHandler(method))
            {
                return;
            }

            if (IsCaughtWithinHandler(throwOperation, type))
            {
                return;
            }

            for (var current = type; current is not null; current = current.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(current, rpcException)
                    || SymbolEqualityComparer.Default.Equals(current, cancelled)
                    || current.GetAttributes().Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, grpcError)))
                {
                    return;
                }
            }

            operationContext.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.UnmappedExceptionInTracedHandler, throwOperation.Syntax.GetLocation(), type.Name));
        }, OperationKind.Throw);

        // A throw inside a try whose catch takes that exception type never leaves the handler.
        static bool IsCaughtWithinHandler(IOperation throwOperation, INamedTypeSymbol thrown)
        {
            IOperation child = throwOperation;
            for (var parent = throwOperation.Parent; parent is not null; child = parent, parent = parent.Parent)
            {
                if (parent is IAnonymousFunctionOperation or ILocalFunctionOperation)
                {
                    return false;
                }

                if (parent is ITryOperation tryOperation && ReferenceEquals(child, tryOperation.Body)
                    && tryOperation.Catches.Any(c => Catches(c.ExceptionType, thrown)))
                {
                    return true;
                }
            }

            return false;
        }

        static bool Catches(ITypeSymbol caught, INamedTypeSymbol thrown)
        {
            for (INamedTypeSymbol? current = thrown; current is not null; current = current.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(current, caught))
                {
                    return true;
                }
            }

            return false;
        }

        bool IsTracedHandler(IMethodSymbol method)
        {
            // Lambdas and local functions inside a handler belong to it.
            var outer = method;
            while (outer.MethodKind is MethodKind.LambdaMethod or MethodKind.LocalFunction && outer.ContainingSymbol is IMethodSymbol containing)
            {
                outer = containing;
            }

            return outer.Parameters.Any(p => SymbolEqualityComparer.Default.Equals(p.Type, serverCallContext))
                && outer.ContainingType.GetAttributes().Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, tracedService));
        }
    }
}
