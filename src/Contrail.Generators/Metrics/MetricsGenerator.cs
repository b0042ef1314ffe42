using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Contrail.Generators.Metrics;

/// <summary>
/// Implements the instrument methods of <c>[Meter]</c> classes: typed counters, histograms, gauges and
/// observable instruments with allocation-free tags, plus the assembly's metrics manifest.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class MetricsGenerator : IIncrementalGenerator
{
    /// <summary>Names of the pipeline steps, for caching tests.</summary>
    public static class TrackingNames
    {
        public const string MeterClasses = "MeterClasses";
        public const string HasManifestAttribute = "MetricsManifestAttribute";
        public const string Manifest = "MetricsManifest";
    }

    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var classes = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                MetricsKnownTypes.MeterAttributeName,
                static (node, _) => node is ClassDeclarationSyntax,
                static (syntaxContext, cancellationToken) =>
                {
                    var types = MetricsKnownTypes.Create(syntaxContext.SemanticModel.Compilation);
                    return types is null || syntaxContext.TargetSymbol is not INamedTypeSymbol type
                        ? null
                        : new MetricsParser(types, diagnostics: null, unboundedTagPattern: null, cancellationToken).Parse(type, syntaxContext.Attributes[0]);
                })
            .Where(static model => model is not null)
            .Select(static (model, _) => model!)
            .WithTrackingName(TrackingNames.MeterClasses);

        context.RegisterSourceOutput(classes, static (output, model) =>
            output.AddSource(MetricsEmitter.HintName(model), MetricsEmitter.Emit(model)));

        // Contrail.Abstractions older than the generator has no manifest attribute: skip the manifest then.
        var hasManifestAttribute = context.CompilationProvider
            .Select(static (compilation, _) => compilation.GetTypeByMetadataName("Contrail.MetricsManifestAttribute") is not null)
            .WithTrackingName(TrackingNames.HasManifestAttribute);

        var manifest = classes.Collect()
            .Combine(hasManifestAttribute)
            .WithTrackingName(TrackingNames.Manifest);

        context.RegisterSourceOutput(manifest, static (output, input) =>
        {
            var (all, hasAttribute) = input;
            if (all.IsDefaultOrEmpty)
            {
                return;
            }

            output.AddSource(MetricsEmitter.TagValuesHintName, MetricsEmitter.EmitTagValues());
            if (hasAttribute)
            {
                output.AddSource(MetricsEmitter.ManifestHintName, MetricsEmitter.EmitManifest(all.OrderBy(c => c.DisplayName, System.StringComparer.Ordinal)));
            }
        });
    }
}
