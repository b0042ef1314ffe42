using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace Contrail.Generators.Metrics;

/// <summary>
/// The types typed metrics need, resolved once per compilation. <see cref="Create"/> returns
/// <see langword="null"/> when Contrail.Abstractions' metrics attributes are not referenced; the
/// System.Diagnostics.DiagnosticSource types are optional and decide what can be generated.
/// </summary>
internal sealed class MetricsKnownTypes
{
    public const string MeterAttributeName = "Contrail.MeterAttribute";
    public const string InstrumentAttributeName = "Contrail.InstrumentAttribute";
    public const string TagAttributeName = "Contrail.TagAttribute";
    public const string MeasurementAttributeName = "Contrail.MeasurementAttribute";
    public const string MetricTagsAttributeName = "Contrail.MetricTagsAttribute";

    /// <summary>The instrument attributes, each its own metadata name for <c>ForAttributeWithMetadataName</c>.</summary>
    public static readonly string[] InstrumentAttributeNames =
    {
        "Contrail.CounterAttribute", "Contrail.UpDownCounterAttribute", "Contrail.HistogramAttribute", "Contrail.GaugeAttribute",
        "Contrail.ObservableCounterAttribute", "Contrail.ObservableUpDownCounterAttribute", "Contrail.ObservableGaugeAttribute",
    };

    private MetricsKnownTypes(Compilation compilation)
    {
        MeterAttribute = compilation.GetTypeByMetadataName(MeterAttributeName);
        InstrumentAttribute = compilation.GetTypeByMetadataName(InstrumentAttributeName);
        TagAttribute = compilation.GetTypeByMetadataName(TagAttributeName);
        MeasurementAttribute = compilation.GetTypeByMetadataName(MeasurementAttributeName);
        MetricTagsAttribute = compilation.GetTypeByMetadataName(MetricTagsAttributeName);
        Meter = compilation.GetTypeByMetadataName("System.Diagnostics.Metrics.Meter");
        TagList = compilation.GetTypeByMetadataName("System.Diagnostics.TagList");
        UpDownCounter = compilation.GetTypeByMetadataName("System.Diagnostics.Metrics.UpDownCounter`1");
        ObservableUpDownCounter = compilation.GetTypeByMetadataName("System.Diagnostics.Metrics.ObservableUpDownCounter`1");
        Gauge = compilation.GetTypeByMetadataName("System.Diagnostics.Metrics.Gauge`1");
        MeterFactory = compilation.GetTypeByMetadataName("System.Diagnostics.Metrics.IMeterFactory");
        InstrumentAdvice = compilation.GetTypeByMetadataName("System.Diagnostics.Metrics.InstrumentAdvice`1");
        Measurement = compilation.GetTypeByMetadataName("System.Diagnostics.Metrics.Measurement`1");
        Func = compilation.GetTypeByMetadataName("System.Func`1");
        Enumerable = compilation.GetSpecialType(SpecialType.System_Collections_Generic_IEnumerable_T);
        Guid = compilation.GetTypeByMetadataName("System.Guid");
        OriginalName = compilation.GetTypeByMetadataName("Google.Protobuf.Reflection.OriginalNameAttribute");
    }

    public INamedTypeSymbol? MeterAttribute { get; }

    /// <summary>The base of every instrument attribute.</summary>
    public INamedTypeSymbol? InstrumentAttribute { get; }

    public INamedTypeSymbol? TagAttribute { get; }

    public INamedTypeSymbol? MeasurementAttribute { get; }

    public INamedTypeSymbol? MetricTagsAttribute { get; }

    /// <summary><c>Meter</c> (DiagnosticSource 6.0): without it nothing is generated.</summary>
    public INamedTypeSymbol? Meter { get; }

    /// <summary><c>TagList</c> (DiagnosticSource 6.0).</summary>
    public INamedTypeSymbol? TagList { get; }

    /// <summary><c>UpDownCounter&lt;T&gt;</c> (DiagnosticSource 7.0).</summary>
    public INamedTypeSymbol? UpDownCounter { get; }

    /// <summary><c>ObservableUpDownCounter&lt;T&gt;</c> (DiagnosticSource 7.0).</summary>
    public INamedTypeSymbol? ObservableUpDownCounter { get; }

    /// <summary>The synchronous <c>Gauge&lt;T&gt;</c> (DiagnosticSource 9.0).</summary>
    public INamedTypeSymbol? Gauge { get; }

    /// <summary><c>IMeterFactory</c> (DiagnosticSource 8.0), for the instance form.</summary>
    public INamedTypeSymbol? MeterFactory { get; }

    /// <summary><c>InstrumentAdvice&lt;T&gt;</c> (DiagnosticSource 9.0), for histogram bucket advice.</summary>
    public INamedTypeSymbol? InstrumentAdvice { get; }

    public INamedTypeSymbol? Measurement { get; }

    public INamedTypeSymbol? Func { get; }

    public INamedTypeSymbol Enumerable { get; }

    public INamedTypeSymbol? Guid { get; }

    /// <summary>Protobuf's <c>[OriginalName]</c> on Grpc.Tools-generated enum members, when Google.Protobuf is referenced.</summary>
    public INamedTypeSymbol? OriginalName { get; }

    /// <summary>One lookup per compilation, shared by every class transformed in it.</summary>
    private static readonly ConditionalWeakTable<Compilation, MetricsKnownTypes> s_cache = new();

    public static MetricsKnownTypes? Create(Compilation compilation)
    {
        var types = s_cache.GetValue(compilation, static c => new MetricsKnownTypes(c));
        return types.MeterAttribute is null || types.InstrumentAttribute is null || types.TagAttribute is null
            ? null
            : types;
    }
}
