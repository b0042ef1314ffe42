using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Contrail.Generators.Common;

namespace Contrail.Generators.Metrics;

/// <summary>
/// Writes a <c>[Meter]</c> class's instruments (the meter, one instrument field and one method body per
/// instrument, the enum switches), the assembly's tag-value helper and its metrics manifest.
/// </summary>
internal static class MetricsEmitter
{
    public const string TagValuesHintName = "Contrail.Metrics.TagValues.g.cs";

    /// <summary>The runtime file under <c>Runtime/</c> that boxes tag values without allocating for the common ones.</summary>
    public const string TagValuesFileName = "MetricTagValues.cs";

    public const string ManifestHintName = "Contrail.MetricsManifest.g.cs";

    private const string Metrics = "global::System.Diagnostics.Metrics";
    private const string TagValues = "global::Contrail.Generated.MetricTagValues";

    public static string HintName(MeterClassModel model) => SafeHintName(model.DisplayName) + MetricsParser.HintSuffix;

    /// <summary>A type's name as a hint name: characters a file name cannot hold (a generic class's <c>&lt;T&gt;</c>) become <c>_</c>.</summary>
    public static string SafeHintName(string name)
    {
        var safe = name.ToCharArray();
        for (var i = 0; i < safe.Length; i++)
        {
            if (!(char.IsLetterOrDigit(safe[i]) || safe[i] is '.' or '_' or '-'))
            {
                safe[i] = '_';
            }
        }

        return new string(safe);
    }

    public static string Emit(MeterClassModel model)
    {
        var writer = new SourceWriter();
        writer.WriteBlock(GeneratedCode.Header);
        writer.WriteLine();
        if (model.Namespace.Length > 0)
        {
            writer.WriteLine($"namespace {model.Namespace}");
            writer.OpenBrace();
        }

        var fields = FieldNames(model);
        var meter = fields.Meter;
        var isStatic = model.IsStatic ? "static " : string.Empty;
        var live = model.Instruments.Where(i => !i.IsInert).ToList();

        foreach (var declaration in model.Declarations)
        {
            writer.WriteLine(declaration);
            writer.OpenBrace();
        }

        if (model.IsInert)
        {
            // The class has errors the analyzer reports: no meter, only bodies that record nothing.
        }
        else if (model.IsStatic)
        {
            writer.WriteLine($"private static readonly {Metrics}.Meter {meter} = new {Metrics}.Meter({CSharpText.Literal(model.MeterName)}, {CSharpText.Literal(model.MeterVersion)});");
            foreach (var instrument in live)
            {
                writer.WriteLine(IsObservable(instrument.Kind)
                    ? $"private static {InstrumentType(instrument)}? {fields.Instruments[instrument]};"
                    : $"private static readonly {InstrumentType(instrument)} {fields.Instruments[instrument]} = {Create(meter, instrument, model.HasInstrumentAdvice)};");
            }
        }
        else
        {
            writer.WriteLine($"private readonly {Metrics}.Meter {meter};");
            foreach (var instrument in live)
            {
                writer.WriteLine(IsObservable(instrument.Kind)
                    ? $"private {InstrumentType(instrument)}? {fields.Instruments[instrument]};"
                    : $"private readonly {InstrumentType(instrument)} {fields.Instruments[instrument]};");
            }
        }

        if (live.Any(i => IsObservable(i.Kind)))
        {
            writer.WriteLine($"private {isStatic}readonly object {fields.Lock} = new object();");
        }

        if (!model.IsStatic && !model.IsInert)
        {
            writer.WriteLine();
            writer.WriteLine("/// <summary>");
            writer.WriteLine($"/// Creates the instruments of the meter <c>{CSharpText.XmlDoc(model.MeterName)}</c> from <paramref name=\"meterFactory\"/>, which owns the meter:");
            writer.WriteLine("/// register this class as a singleton, and give each test its own factory to isolate its measurements.");
            writer.WriteLine("/// </summary>");
            writer.WriteLine("/// <param name=\"meterFactory\">The factory that creates (and disposes) the meter.</param>");
            writer.WriteLine(GeneratedCode.Attribute);
            writer.WriteLine($"public {model.ClassName}({Metrics}.IMeterFactory meterFactory)");
            writer.OpenBrace();
            writer.WriteLine("if (meterFactory is null)");
            writer.OpenBrace();
            writer.WriteLine("throw new global::System.ArgumentNullException(nameof(meterFactory));");
            writer.CloseBrace();
            writer.WriteLine();
            var version = model.MeterVersion is null ? string.Empty : $" {{ Version = {CSharpText.Literal(model.MeterVersion)} }}";
            writer.WriteLine($"{meter} = meterFactory.Create(new {Metrics}.MeterOptions({CSharpText.Literal(model.MeterName)}){version});");
            foreach (var instrument in live.Where(i => !IsObservable(i.Kind)))
            {
                writer.WriteLine($"{fields.Instruments[instrument]} = {Create(meter, instrument, model.HasInstrumentAdvice)};");
            }

            writer.CloseBrace();
        }

        var first = true;
        foreach (var instrument in model.Instruments)
        {
            if (!first || !model.IsInert)
            {
                writer.WriteLine();
            }

            first = false;
            if (instrument.IsInert)
            {
                WriteInert(writer, model, instrument);
            }
            else if (IsObservable(instrument.Kind))
            {
                WriteObservable(writer, model, instrument, meter, fields.Instruments[instrument], fields.Lock);
            }
            else
            {
                WriteRecording(writer, model, instrument, fields.Instruments[instrument]);
            }
        }

        foreach (var enumTag in model.Enums)
        {
            writer.WriteLine();
            WriteEnumSwitch(writer, enumTag);
        }

        foreach (var _ in model.Declarations)
        {
            writer.CloseBrace();
        }

        if (model.Namespace.Length > 0)
        {
            writer.CloseBrace();
        }

        return writer.ToString();
    }

    /// <summary>
    /// The body of a method the analyzer reports an error for: it records nothing, and exists so the
    /// build stops on that error rather than on CS8795 (analyzers do not run on a compilation with errors).
    /// </summary>
    private static void WriteInert(SourceWriter writer, MeterClassModel model, InstrumentModel instrument)
    {
        writer.WriteLine(GeneratedCode.Attribute);
        writer.WriteLine($"{Signature(instrument)}({string.Join(", ", instrument.Parameters)})");
        using (writer.Indent())
        {
            foreach (var constraint in instrument.Constraints)
            {
                writer.WriteLine(constraint);
            }
        }

        writer.OpenBrace();
        if (instrument.ReturnType != "void" || instrument.Parameters.Any(p => p.StartsWith("out ", StringComparison.Ordinal)))
        {
            writer.WriteLine($"throw new global::System.InvalidOperationException({CSharpText.Literal($"'{instrument.MethodName.TrimStart('@')}' has Contrail metrics errors (CTR3xxx) and was not generated.")});");
        }

        writer.CloseBrace();
    }

    private static void WriteRecording(SourceWriter writer, MeterClassModel model, InstrumentModel instrument, string field)
    {
        var parameterNames = new HashSet<string>(instrument.Parameters.Select(ParameterName), StringComparer.Ordinal);
        var local = Unique("contrailInstrument", parameterNames);
        var tags = Unique("contrailTags", parameterNames);

        writer.WriteLine(GeneratedCode.Attribute);
        writer.WriteLine($"{Signature(instrument)}({string.Join(", ", instrument.Parameters)})");
        writer.OpenBrace();
        writer.WriteLine($"var {local} = {field};");
        writer.WriteLine($"if (!{local}.Enabled)");
        writer.OpenBrace();
        writer.WriteLine("return;");
        writer.CloseBrace();
        writer.WriteLine();

        var value = instrument.MeasurementParameter ?? "1L";
        var record = instrument.Kind is InstrumentKind.Counter or InstrumentKind.UpDownCounter ? "Add" : "Record";
        if (instrument.Tags.Count == 0)
        {
            writer.WriteLine($"{local}.{record}({value});");
        }
        else
        {
            writer.WriteLine($"var {tags} = new global::System.Diagnostics.TagList();");
            string? guard = null;
            foreach (var tag in instrument.Tags)
            {
                if (tag.NullGuard != guard)
                {
                    if (guard is not null)
                    {
                        writer.CloseBrace();
                        writer.WriteLine();
                    }

                    guard = tag.NullGuard;
                    if (guard is not null)
                    {
                        writer.WriteLine($"if ({guard} is not null)");
                        writer.OpenBrace();
                    }
                }

                writer.WriteLine($"{tags}.Add({CSharpText.Literal(tag.Name)}, {TagValue(tag)});");
            }

            if (guard is not null)
            {
                writer.CloseBrace();
                writer.WriteLine();
            }

            writer.WriteLine($"{local}.{record}({value}, in {tags});");
        }

        writer.CloseBrace();
    }

    private static void WriteObservable(SourceWriter writer, MeterClassModel model, InstrumentModel instrument, string meter, string field, string lockField)
    {
        var callback = instrument.CallbackParameter!;
        var created = Unique("contrailCreated", new HashSet<string>(StringComparer.Ordinal) { callback.TrimStart('@') });
        writer.WriteLine(GeneratedCode.Attribute);
        writer.WriteLine($"{Signature(instrument)}({string.Join(", ", instrument.Parameters)})");
        writer.OpenBrace();
        writer.WriteLine($"if ({callback} is null)");
        writer.OpenBrace();
        writer.WriteLine($"throw new global::System.ArgumentNullException(nameof({callback}));");
        writer.CloseBrace();
        writer.WriteLine();
        writer.WriteLine($"lock ({lockField})");
        writer.OpenBrace();
        writer.WriteLine($"if ({field} is not null)");
        writer.OpenBrace();
        writer.WriteLine($"throw new global::System.InvalidOperationException({CSharpText.Literal($"The callback of the observable instrument '{instrument.Name}' is already registered: register it once.")});");
        writer.CloseBrace();
        writer.WriteLine();
        var create = instrument.Kind switch
        {
            InstrumentKind.ObservableCounter => "CreateObservableCounter",
            InstrumentKind.ObservableUpDownCounter => "CreateObservableUpDownCounter",
            _ => "CreateObservableGauge",
        };
        writer.WriteLine($"var {created} = {meter}.{create}<{instrument.ValueType}>({CSharpText.Literal(instrument.Name)}, {callback}, {CSharpText.Literal(instrument.Unit)}, {CSharpText.Literal(instrument.Description)});");
        writer.WriteLine($"{field} = {created};");
        if (instrument.ReturnType != "void")
        {
            writer.WriteLine($"return {created};");
        }

        writer.CloseBrace();
        writer.CloseBrace();
    }

    private static void WriteEnumSwitch(SourceWriter writer, EnumTagModel enumTag)
    {
        writer.WriteLine("/// <summary>The member's name (its .proto name for a protobuf enum) as a constant string: no boxing, no <c>Enum.ToString()</c>.</summary>");
        writer.WriteLine($"private static string ContrailTagValue({enumTag.TypeName} value)");
        writer.OpenBrace();
        writer.WriteLine("switch (value)");
        writer.OpenBrace();
        foreach (var member in enumTag.Members)
        {
            writer.WriteLine($"case {enumTag.TypeName}.{CSharpText.Identifier(member.Member)}: return {CSharpText.Literal(member.TagValue)};");
        }

        // A value without a member (a combination of flags, a cast number) is rare: its number, formatted.
        writer.WriteLine($"default: return (({enumTag.UnderlyingType})value).ToString(global::System.Globalization.CultureInfo.InvariantCulture);");
        writer.CloseBrace();
        writer.CloseBrace();
    }

    private static string TagValue(TagModel tag) => tag.Kind switch
    {
        TagValueKind.String => tag.Access,
        TagValueKind.Boolean => $"{TagValues}.Box({tag.Access})",
        TagValueKind.Integral => $"{TagValues}.Box((long){tag.Access})",
        TagValueKind.UInt64 => $"(object){tag.Access}",
        TagValueKind.Enum => $"ContrailTagValue({tag.Access})",
        _ => $"{tag.Access}.ToString()",
    };

    private static string Signature(InstrumentModel instrument)
    {
        var modifiers = instrument.Modifiers.Length > 0 ? instrument.Modifiers + " " : string.Empty;
        var isStatic = instrument.IsStatic ? "static " : string.Empty;
        return $"{modifiers}{isStatic}partial {instrument.ReturnType} {instrument.MethodName}{instrument.TypeParameters}";
    }

    private static string Create(string meter, InstrumentModel instrument, bool hasInstrumentAdvice)
    {
        var create = instrument.Kind switch
        {
            InstrumentKind.Counter => "CreateCounter",
            InstrumentKind.UpDownCounter => "CreateUpDownCounter",
            InstrumentKind.Histogram => "CreateHistogram",
            _ => "CreateGauge",
        };
        var arguments = $"{CSharpText.Literal(instrument.Name)}, {CSharpText.Literal(instrument.Unit)}, {CSharpText.Literal(instrument.Description)}";
        if (instrument.Buckets.Count > 0 && hasInstrumentAdvice)
        {
            arguments += $", tags: null, advice: new {Metrics}.InstrumentAdvice<{instrument.ValueType}> {{ HistogramBucketBoundaries = new {instrument.ValueType}[] {{ {string.Join(", ", instrument.Buckets.Select(b => BucketLiteral(b, instrument.ValueType)))} }} }}";
        }

        return $"{meter}.{create}<{instrument.ValueType}>({arguments})";
    }

    private static string InstrumentType(InstrumentModel instrument)
    {
        var type = instrument.Kind switch
        {
            InstrumentKind.Counter => "Counter",
            InstrumentKind.UpDownCounter => "UpDownCounter",
            InstrumentKind.Histogram => "Histogram",
            InstrumentKind.Gauge => "Gauge",
            InstrumentKind.ObservableCounter => "ObservableCounter",
            InstrumentKind.ObservableUpDownCounter => "ObservableUpDownCounter",
            _ => "ObservableGauge",
        };
        return $"{Metrics}.{type}<{instrument.ValueType}>";
    }

    private static bool IsObservable(InstrumentKind kind) =>
        kind is InstrumentKind.ObservableCounter or InstrumentKind.ObservableUpDownCounter or InstrumentKind.ObservableGauge;

    /// <summary>
    /// The generated fields: the meter, the observable lock and one per instrument, named after its
    /// method (overloads get a numeric suffix), none of them a name the class or a parameter already uses.
    /// </summary>
    private static (string Meter, string Lock, Dictionary<InstrumentModel, string> Instruments) FieldNames(MeterClassModel model)
    {
        var prefix = model.IsStatic ? "s_contrail" : "_contrail";
        // Neither a member of the class nor a parameter of an instrument method may shadow a field.
        var taken = new HashSet<string>(model.MemberNames, StringComparer.Ordinal);
        taken.UnionWith(model.Instruments.SelectMany(i => i.Parameters).Select(ParameterName));
        var meter = Unique(prefix + "Meter", taken);
        taken.Add(meter);
        var lockField = Unique(prefix + "Lock", taken);
        taken.Add(lockField);
        var names = new Dictionary<InstrumentModel, string>();
        foreach (var instrument in model.Instruments)
        {
            var baseName = prefix + instrument.MethodName.TrimStart('@');
            var name = baseName;
            for (var i = 2; !taken.Add(name); i++)
            {
                name = baseName + i.ToString(CultureInfo.InvariantCulture);
            }

            names[instrument] = name;
        }

        return (meter, lockField, names);
    }

    /// <summary>The name a parameter declaration (<c>ref global::T @event</c>) binds, without its <c>@</c>.</summary>
    private static string ParameterName(string declaration) => declaration.Substring(declaration.LastIndexOf(' ') + 1).TrimStart('@');

    private static string Unique(string name, HashSet<string> taken)
    {
        while (taken.Contains(name))
        {
            name += "_";
        }

        return name;
    }

    /// <summary>The assembly's tag-value boxes, emitted as they are.</summary>
    public static string EmitTagValues() => EmbeddedRuntime.Read(TagValuesFileName);

    /// <summary>The <c>[assembly: MetricsManifest]</c> with every instrument of the assembly.</summary>
    public static string EmitManifest(IEnumerable<MeterClassModel> classes) =>
        GeneratedCode.Header + $"[assembly: global::Contrail.MetricsManifest({CSharpText.Literal(ManifestJson(classes))})]\n";

    /// <summary>
    /// The manifest: instruments ordered by meter, name and source, tag keys sorted, all ordinal, so the
    /// same code always gives the same text (a telemetry contract can be compared byte for byte).
    /// </summary>
    internal static string ManifestJson(IEnumerable<MeterClassModel> classes)
    {
        var instruments = classes
            .Where(c => !c.IsInert)
            .SelectMany(c => c.Instruments.Where(i => !i.IsInert).Select(i => (Class: c, Instrument: i)))
            .OrderBy(e => e.Class.MeterName, StringComparer.Ordinal)
            .ThenBy(e => e.Instrument.Name, StringComparer.Ordinal)
            .ThenBy(e => e.Class.DisplayName + "." + e.Instrument.MethodName.TrimStart('@'), StringComparer.Ordinal);
        var json = new StringBuilder("{\"version\":1,\"instruments\":[");
        var first = true;
        foreach (var (model, instrument) in instruments)
        {
            json.Append(first ? string.Empty : ",");
            first = false;
            json.Append("{\"meter\":").Append(JsonText.Quote(model.MeterName))
                .Append(",\"meterVersion\":").Append(JsonText.Quote(model.MeterVersion))
                .Append(",\"name\":").Append(JsonText.Quote(instrument.Name))
                .Append(",\"kind\":").Append(JsonText.Quote(KindName(instrument.Kind)))
                .Append(",\"valueType\":").Append(JsonText.Quote(instrument.ValueType))
                .Append(",\"unit\":").Append(JsonText.Quote(instrument.Unit))
                .Append(",\"description\":").Append(JsonText.Quote(instrument.Description))
                .Append(",\"tags\":[").Append(string.Join(",", instrument.Tags.Select(t => t.Name).Distinct().OrderBy(t => t, StringComparer.Ordinal).Select(t => JsonText.Quote(t)))).Append(']')
                .Append(",\"buckets\":").Append(instrument.Buckets.Count == 0 ? "null" : "[" + string.Join(",", instrument.Buckets.Select(HistogramBucketRules.Format)) + "]")
                .Append(",\"source\":").Append(JsonText.Quote(model.DisplayName + "." + instrument.MethodName.TrimStart('@')))
                .Append('}');
        }

        return json.Append("]}").ToString();
    }

    /// <summary>The manifest's name of an instrument kind.</summary>
    internal static string KindName(InstrumentKind kind) => kind switch
    {
        InstrumentKind.Counter => "counter",
        InstrumentKind.UpDownCounter => "updowncounter",
        InstrumentKind.Histogram => "histogram",
        InstrumentKind.Gauge => "gauge",
        InstrumentKind.ObservableCounter => "observable_counter",
        InstrumentKind.ObservableUpDownCounter => "observable_updowncounter",
        _ => "observable_gauge",
    };

    /// <summary>A bucket boundary as a C# literal of the histogram's value type.</summary>
    private static string BucketLiteral(double value, string valueType) => valueType switch
    {
        "double" => HistogramBucketRules.Format(value) + "d",
        "float" => ((float)value).ToString("R", CultureInfo.InvariantCulture) + "f",
        "decimal" => ((decimal)value).ToString(CultureInfo.InvariantCulture) + "m",
        "long" => ((long)value).ToString(CultureInfo.InvariantCulture) + "L",
        _ => ((long)value).ToString(CultureInfo.InvariantCulture),
    };
}
