using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Contrail.Generators.Common;
using Contrail.Generators.TracedServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Contrail.Generators.Errors;

/// <summary>
/// Emits an assembly's error catalog from its <c>[GrpcError]</c> exception types and enum members:
/// the exception-to-status mapping (plugged into traced services' telemetry), the
/// <c>google.rpc.Status</c> trailer, typed client helpers, the HTTP view and the catalog.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class ErrorCatalogGenerator : IIncrementalGenerator
{
    /// <summary>Names of the pipeline steps, for caching tests.</summary>
    public static class TrackingNames
    {
        public const string Errors = "GrpcErrors";
        public const string Settings = "GrpcErrorSettings";
        public const string TracedServices = "GrpcErrorTracedServices";
        public const string Catalog = "GrpcErrorCatalog";
    }

    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        // Whether a domain is missing is decided when combining with the assembly's settings, so
        // adding [assembly: ErrorDomain] later takes effect without re-parsing every error.
        var errors = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                ErrorCatalogKnownTypes.GrpcErrorAttributeName,
                static (node, _) => node is ClassDeclarationSyntax or EnumMemberDeclarationSyntax,
                static (syntaxContext, cancellationToken) =>
                    ErrorCatalogKnownTypes.Create(syntaxContext.SemanticModel.Compilation) is { } types
                        ? new ErrorCatalogParser(types, diagnostics: null, cancellationToken)
                            .Parse(syntaxContext.TargetSymbol, syntaxContext.Attributes[0], hasDefaultDomain: true)
                        : null)
            .Where(static model => model is not null)
            .Select(static (model, _) => model!)
            .WithTrackingName(TrackingNames.Errors);

        var settings = context.CompilationProvider
            .Select(static (compilation, cancellationToken) => CreateSettings(compilation, cancellationToken))
            .WithTrackingName(TrackingNames.Settings);

        // The telemetry hook may only be written where the traced-services generator writes the
        // telemetry class it completes, i.e. where at least one traced service is valid.
        var hasTracedServices = TracedServiceProvider.ValidServices(context)
            .Collect()
            .Select(static (valid, _) => !valid.IsEmpty)
            .WithTrackingName(TrackingNames.TracedServices);

        var catalog = errors.Collect()
            .Combine(settings)
            .Combine(hasTracedServices)
            .WithTrackingName(TrackingNames.Catalog);

        context.RegisterSourceOutput(catalog, static (output, input) =>
        {
            var ((all, catalogSettings), tracedServices) = input;
            var valid = all.Where(e => e.Domain is not null || catalogSettings.DefaultDomain is not null).ToList();
            var mappers = new List<string>();

            // A user type with the catalog's name leaves no room for it (CTR4010): nothing is generated then.
            if (valid.Count > 0 && !catalogSettings.NamespacesTakingCatalogName.Contains(ErrorCatalogText.CatalogNamespace(valid)))
            {
                var own = ErrorCatalogText.CatalogTypeName(valid, catalogSettings.CatalogName);

                // A referenced catalog of the same full name cannot be named from here (ours would
                // win, and the mapping would call itself): give each assembly its own CatalogName.
                var referenced = catalogSettings.ReferencedMappers.Where(m => m != own).ToEquatableArray();
                foreach (var (hintName, source) in ErrorCatalogEmitter.Emit(valid, catalogSettings with { ReferencedMappers = referenced }))
                {
                    output.AddSource(hintName, source);
                }

                mappers.Add(own);
            }
            else
            {
                mappers.AddRange(catalogSettings.ReferencedMappers);
            }

            if (tracedServices && catalogSettings.HasGrpcCore && mappers.Count > 0)
            {
                output.AddSource(ErrorCatalogEmitter.TelemetryHookHintName, ErrorCatalogEmitter.EmitTelemetryHook(mappers));
            }
        });
    }

    private static ErrorCatalogSettings CreateSettings(Compilation compilation, CancellationToken cancellationToken)
    {
        var (domain, configuredName) = ErrorCatalogParser.ReadAssemblyDefaults(compilation.Assembly);
        var catalogName = ErrorCatalogParser.EffectiveCatalogName(configuredName);
        var types = ErrorCatalogKnownTypes.For(compilation);
        var catalogAttribute = types.ErrorCatalogAttribute;
        var mappers = new List<string>();
        if (catalogAttribute is not null)
        {
            foreach (var assembly in SymbolFacts.AssembliesCompiledAgainstContrail(compilation, cancellationToken))
            {
                foreach (var attribute in assembly.GetAttributes())
                {
                    if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, catalogAttribute)
                        && attribute.NamedArguments.FirstOrDefault(a => a.Key == "Mapper").Value.Value is INamedTypeSymbol mapper)
                    {
                        mappers.Add(mapper.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat));
                    }
                }
            }
        }

        return new ErrorCatalogSettings(
            string.IsNullOrWhiteSpace(domain) ? null : domain,
            catalogName,
            types.RpcException is not null,
            types.NotNullWhenAttribute is { } notNullWhen
                && compilation.IsSymbolAccessibleWithin(notNullWhen, compilation.Assembly),
            mappers.Distinct().OrderBy(m => m, StringComparer.Ordinal).ToEquatableArray(),
            ErrorCatalogParser.NamespacesTakingCatalogName(compilation, catalogName, cancellationToken));
    }
}
