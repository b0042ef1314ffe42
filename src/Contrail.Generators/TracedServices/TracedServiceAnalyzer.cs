using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Contrail.Generators.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Contrail.Generators.TracedServices;

/// <summary>
/// Reports misuse of <c>[TracedService]</c>, <c>[TraceTag]</c>, <c>[NotTraced]</c> and
/// <c>[SpanStatus]</c>, through the same parser the generator uses.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class TracedServiceAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.NotAGrpcService,
        DiagnosticDescriptors.TraceTagMemberNotFound,
        DiagnosticDescriptors.TraceTagMemberNotRecordable,
        DiagnosticDescriptors.DuplicateTraceTag,
        DiagnosticDescriptors.TraceTagOnStreamingRequest,
        DiagnosticDescriptors.TracingAttributeOutsideTracedService,
        DiagnosticDescriptors.UnsupportedServiceClass,
        DiagnosticDescriptors.InvalidTraceTagName,
        DiagnosticDescriptors.InvalidSpanStatusOverride);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var tracedService = start.Compilation.GetTypeByMetadataName(TracedServiceKnownTypes.TracedServiceAttribute);
            if (tracedService is null)
            {
                return;
            }

            var types = TracedServiceKnownTypes.Create(start.Compilation);
            var traceTag = start.Compilation.GetTypeByMetadataName(TracedServiceKnownTypes.TraceTagAttribute);
            var notTraced = start.Compilation.GetTypeByMetadataName(TracedServiceKnownTypes.NotTracedAttribute);
            var spanStatus = start.Compilation.GetTypeByMetadataName(TracedServiceKnownTypes.SpanStatusAttribute);

            start.RegisterSymbolAction(symbolContext =>
            {
                var type = (INamedTypeSymbol)symbolContext.Symbol;
                var attribute = type.GetAttributes().FirstOrDefault(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, tracedService));
                if (attribute is null)
                {
                    // A class that a traced service may derive from has its attributes read there.
                    if (!MayBeTracedServiceBase(type))
                    {
                        foreach (var statusAttribute in type.GetAttributes().Where(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, spanStatus)))
                        {
                            var location = statusAttribute.ApplicationSyntaxReference?.GetSyntax(symbolContext.CancellationToken).GetLocation() ?? type.Locations.FirstOrDefault();
                            symbolContext.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.TracingAttributeOutsideTracedService, location,
                                "SpanStatus", type.Name, $"'{type.Name}' is not marked [TracedService]"));
                        }
                    }

                    return;
                }

                if (types is null)
                {
                    // gRPC is not referenced at all, so nothing can be a gRPC service.
                    var location = attribute.ApplicationSyntaxReference?.GetSyntax(symbolContext.CancellationToken).GetLocation() ?? type.Locations.FirstOrDefault();
                    symbolContext.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.NotAGrpcService, location, type.Name));
                    return;
                }

                var diagnostics = new List<Diagnostic>();
                new TracedServiceParser(types, diagnostics, symbolContext.CancellationToken).Parse(type);
                foreach (var diagnostic in diagnostics)
                {
                    symbolContext.ReportDiagnostic(diagnostic);
                }
            }, SymbolKind.NamedType);

            if (types is null)
            {
                return;
            }

            start.RegisterSymbolAction(symbolContext =>
            {
                var method = (IMethodSymbol)symbolContext.Symbol;
                // Methods of a class a traced service may derive from are read there.
                if (MayBeTracedServiceBase(method.ContainingType)
                    || method.ContainingType.GetAttributes().Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, tracedService))
                    || !method.GetAttributes().Any(a => IsTracingAttribute(a.AttributeClass)))
                {
                    return;
                }

                var diagnostics = new List<Diagnostic>();
                new TracedServiceParser(types, diagnostics, symbolContext.CancellationToken).CheckMethodOutsideTracedService(method);
                foreach (var diagnostic in diagnostics)
                {
                    symbolContext.ReportDiagnostic(diagnostic);
                }
            }, SymbolKind.Method);

            // An unsealed class deriving from a gRPC service base can be the base of a traced
            // service (the parser reads overrides and [SpanStatus] up to the gRPC base).
            bool MayBeTracedServiceBase(INamedTypeSymbol type)
            {
                if (type.IsSealed || types is null)
                {
                    return false;
                }

                for (var current = type.BaseType; current is not null; current = current.BaseType)
                {
                    if (current.GetAttributes().Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, types.BindServiceMethod)))
                    {
                        return true;
                    }
                }

                return false;
            }

            bool IsTracingAttribute(INamedTypeSymbol? attributeClass) =>
                SymbolEqualityComparer.Default.Equals(attributeClass, traceTag)
                || SymbolEqualityComparer.Default.Equals(attributeClass, notTraced)
                || SymbolEqualityComparer.Default.Equals(attributeClass, spanStatus);
        });
    }
}
