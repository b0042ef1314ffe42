using System.Linq;
using Contrail.Generators.Common;
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
        public const string OutsideMeter = "InstrumentsOutsideMeter";
    }

    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var classes = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                MetricsKnownTypes.MeterAttributeName,
                static (node, _) => node is TypeDeclarationSyntax,
                static (syntaxContext, cancellationToken) =>
                {
                    var types = MetricsKnownTypes.Create(syntaxContext.SemanticModel.Compilation);
                    return types is null || syntaxContext.TargetSymbol is not INamedTypeSymbol type
                        || !SymbolFacts.IsFirstApplication(type, syntaxContext.Attributes[0])
                        || !SymbolFacts.IsUniquelyNamed(syntaxContext.SemanticModel.Compilation, type)
                        ? null
                        : new MetricsParser(types, diagnostics: null, unboundedTagPattern: null, cancellationToken).Parse(type, syntaxContext.Attributes[0]);
                })
            .Where(static model => model is not null)
            .Select(static (model, _) => model!)
            .WithTrackingName(TrackingNames.MeterClasses);

        context.RegisterSourceOutput(classes, static (output, model) =>
            output.AddSource(MetricsEmitter.HintName(model), MetricsEmitter.Emit(model)));

        // An instrument attribute on a partial method outside a [Meter] class is CTR3015; the method gets a
        // body that records nothing, so that a command-line build reports CTR3015 instead of CS8795.
        foreach (var attributeName in MetricsKnownTypes.InstrumentAttributeNames)
        {
            var outside = context.SyntaxProvider
                .ForAttributeWithMetadataName(
                    attributeName,
                    static (node, _) => node is MethodDeclarationSyntax,
                    static (syntaxContext, _) => syntaxContext.TargetSymbol.ContainingType is { } type && SymbolFacts.IsUniquelyNamed(syntaxContext.SemanticModel.Compilation, type)
                        ? OutsideMeter(syntaxContext.TargetSymbol, syntaxContext.Attributes[0])
                        : null)
                .Where(static output => output is not null)
                .Select(static (output, _) => output!.Value)
                .WithTrackingName(TrackingNames.OutsideMeter);

            context.RegisterSourceOutput(outside, static (output, item) =>
                output.AddSource(item.HintName, MetricsEmitter.Emit(item.Model)));
        }

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

    /// <summary>
    /// The inert body of an instrument method outside a <c>[Meter]</c> class, once per method: only the
    /// provider of its first instrument attribute writes it. The hint holds the declaration's position,
    /// so overloads get their own files.
    /// </summary>
    private static (string HintName, MeterClassModel Model)? OutsideMeter(ISymbol target, AttributeData attribute)
    {
        if (target is not IMethodSymbol { ContainingType: { } type } method
            || type.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == MetricsKnownTypes.MeterAttributeName)
            || !MetricsParser.InstrumentKindOf(method, out var kind)
            || !SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, method.GetAttributes().First(a => MetricsParser.IsInstrumentAttribute(a, out _)).AttributeClass)
            || MetricsParser.OutsideMeter(type, method, kind) is not { } model)
        {
            return null;
        }

        var position = method.Locations.FirstOrDefault()?.GetLineSpan().StartLinePosition ?? default;
        return (MetricsEmitter.SafeHintName($"{model.DisplayName}.{method.Name}.L{position.Line + 1}C{position.Character + 1}") + MetricsParser.HintSuffix, model);
    }
}
