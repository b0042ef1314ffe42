using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Contrail.Generators.Common;
using Contrail.Generators.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Contrail.Generators.Metrics;

/// <summary>
/// Reports misuse of <c>[Meter]</c> classes and their instrument methods through the generator's
/// parser, duplicate instrument names within a meter, and instrument attributes outside a meter class.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class MetricsAnalyzer : DiagnosticAnalyzer
{
    /// <summary>The <c>.editorconfig</c> key of the pattern of likely unbounded tag names (CTR3012).</summary>
    public const string UnboundedTagPatternKey = "contrail_metrics.unbounded_tag_pattern";

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.InvalidInstrumentName,
        DiagnosticDescriptors.InstrumentNameStyle,
        DiagnosticDescriptors.InvalidInstrumentUnit,
        DiagnosticDescriptors.DuplicateInstrumentName,
        DiagnosticDescriptors.InvalidMetricTagName,
        DiagnosticDescriptors.DuplicateMetricTagName,
        DiagnosticDescriptors.UnsupportedMeasurementType,
        DiagnosticDescriptors.UnsupportedMetricTagType,
        DiagnosticDescriptors.InvalidInstrumentMethod,
        DiagnosticDescriptors.InvalidMeterClass,
        DiagnosticDescriptors.InvalidHistogramBuckets,
        DiagnosticDescriptors.LikelyUnboundedMetricTag,
        DiagnosticDescriptors.MissingMeasurement,
        DiagnosticDescriptors.InstrumentNotAvailable,
        DiagnosticDescriptors.InstrumentOutsideMeter);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var types = MetricsKnownTypes.Create(start.Compilation);
            if (types is null)
            {
                return;
            }

            var declared = new ConcurrentBag<(string Meter, string Name, string Source, Location Location)>();
            start.RegisterSymbolAction(symbolContext =>
            {
                var type = (INamedTypeSymbol)symbolContext.Symbol;
                var cancellationToken = symbolContext.CancellationToken;
                var meter = type.GetAttributes().FirstOrDefault(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, types.MeterAttribute));
                var pattern = ReadPattern(symbolContext.Options, type, cancellationToken);
                var diagnostics = new List<Diagnostic>();
                var parser = new MetricsParser(types, diagnostics, pattern, cancellationToken);
                if (meter is null)
                {
                    foreach (var method in type.GetMembers().OfType<IMethodSymbol>())
                    {
                        if (parser.TryGetInstrumentAttribute(method, out var attribute, out _, out _))
                        {
                            symbolContext.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.InstrumentOutsideMeter,
                                SymbolFacts.AttributeLocation(attribute, method, cancellationToken),
                                attribute!.AttributeClass!.Name.Substring(0, attribute.AttributeClass.Name.Length - "Attribute".Length), method.Name));
                        }
                    }

                    return;
                }

                var model = parser.Parse(type, meter);
                foreach (var diagnostic in diagnostics)
                {
                    symbolContext.ReportDiagnostic(diagnostic);
                }

                // A class with errors has no usable meter name: its duplicates are judged once it is fixed.
                if (model is null || model.IsInert)
                {
                    return;
                }

                // Duplicates are judged on every declared instrument, generated or not.
                foreach (var method in type.GetMembers().OfType<IMethodSymbol>())
                {
                    if (parser.TryGetInstrumentAttribute(method, out var attribute, out _, out _)
                        && attribute!.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is string name)
                    {
                        declared.Add((model.MeterName, name, type.Name + "." + method.Name, SymbolFacts.AttributeLocation(attribute, method, cancellationToken)));
                    }
                }
            }, SymbolKind.NamedType);

            start.RegisterCompilationEndAction(endContext =>
            {
                foreach (var group in declared.GroupBy(d => (d.Meter, d.Name)))
                {
                    var ordered = group.OrderBy(d => d.Location.SourceTree?.FilePath, System.StringComparer.Ordinal).ThenBy(d => d.Location.SourceSpan.Start).ToList();
                    foreach (var duplicate in ordered.Skip(1))
                    {
                        endContext.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.DuplicateInstrumentName, duplicate.Location,
                            group.Key.Name, ordered[0].Source, group.Key.Meter));
                    }
                }
            });
        });
    }

    private static System.Text.RegularExpressions.Regex? ReadPattern(AnalyzerOptions options, INamedTypeSymbol type, System.Threading.CancellationToken cancellationToken)
    {
        var tree = type.DeclaringSyntaxReferences.FirstOrDefault()?.SyntaxTree;
        string? configured = null;
        if (tree is not null && options.AnalyzerConfigOptionsProvider.GetOptions(tree).TryGetValue(UnboundedTagPatternKey, out var value))
        {
            configured = value;
        }

        cancellationToken.ThrowIfCancellationRequested();
        return MetricNamingRules.UnboundedTagPattern(configured);
    }
}
