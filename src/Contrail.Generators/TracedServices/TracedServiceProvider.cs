using Contrail.Generators.Common;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Contrail.Generators.TracedServices;

/// <summary>
/// The one definition of "the valid traced services of this compilation" as an incremental provider.
/// The traced-services generator emits from it; the error-catalog generator only asks whether it is
/// empty, because its telemetry hook completes a class the traced-services generator writes only then.
/// </summary>
/// <remarks>
/// A generator cannot read another generator's pipeline, so each builds this provider in its own
/// driver state and the parser runs once per generator for a changed <c>[TracedService]</c> class.
/// What sharing the definition buys is that both answer the same question the same way; the
/// <c>ForAttributeWithMetadataName</c> caching keeps unrelated edits from running either.
/// </remarks>
internal static class TracedServiceProvider
{
    /// <summary>The <c>[TracedService]</c> classes the parser accepts, as models.</summary>
    public static IncrementalValuesProvider<TracedServiceModel> ValidServices(IncrementalGeneratorInitializationContext context) =>
        context.SyntaxProvider
            .ForAttributeWithMetadataName(
                TracedServiceKnownTypes.TracedServiceAttribute,
                static (node, _) => node is ClassDeclarationSyntax,
                static (syntaxContext, cancellationToken) =>
                {
                    var types = TracedServiceKnownTypes.Create(syntaxContext.SemanticModel.Compilation);
                    return types is null || syntaxContext.TargetSymbol is not INamedTypeSymbol service
                        || !SymbolFacts.IsFirstApplication(service, syntaxContext.Attributes[0])
                        || !SymbolFacts.IsUniquelyNamed(syntaxContext.SemanticModel.Compilation, service)
                        ? null
                        : new TracedServiceParser(types, diagnostics: null, cancellationToken).Parse(service);
                })
            .Where(static model => model is not null)
            .Select(static (model, _) => model!);
}
