using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using Contrail.Generators.Common;
using Contrail.Generators.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Contrail.Generators.Metrics;

/// <summary>
/// Reads a <c>[Meter]</c> class into a <see cref="MeterClassModel"/>, and reports what is wrong with it
/// when given a diagnostics list (the analyzer does; the generator passes <see langword="null"/> and
/// only skips what cannot be generated).
/// </summary>
internal sealed class MetricsParser
{
    /// <summary>The file suffix of generated implementations, to tell them from a body the user wrote.</summary>
    public const string HintSuffix = ".Contrail.Metrics.g.cs";

    private readonly MetricsKnownTypes _types;
    private readonly List<Diagnostic>? _diagnostics;
    private readonly Regex? _unboundedPattern;
    private readonly CancellationToken _cancellationToken;

    /// <param name="unboundedTagPattern">Tag names matching it are warned about (CTR3012); <see langword="null"/> for none.</param>
    public MetricsParser(MetricsKnownTypes types, List<Diagnostic>? diagnostics, Regex? unboundedTagPattern, CancellationToken cancellationToken)
    {
        _types = types;
        _diagnostics = diagnostics;
        _unboundedPattern = unboundedTagPattern;
        _cancellationToken = cancellationToken;
    }

    /// <summary>Whether a method carries an instrument attribute; returns it and its kind.</summary>
    public bool TryGetInstrumentAttribute(IMethodSymbol method, out AttributeData? attribute, out InstrumentKind kind, out int count)
    {
        attribute = null;
        kind = default;
        count = 0;
        foreach (var candidate in method.GetAttributes())
        {
            if (candidate.AttributeClass is { } attributeClass
                && SymbolEqualityComparer.Default.Equals(attributeClass.BaseType, _types.InstrumentAttribute)
                && KindOf(attributeClass.Name) is { } candidateKind)
            {
                count++;
                if (attribute is null)
                {
                    attribute = candidate;
                    kind = candidateKind;
                }
            }
        }

        return attribute is not null;
    }

    /// <summary>Parses a class; <see langword="null"/> when nothing can be generated for it.</summary>
    public MeterClassModel? Parse(INamedTypeSymbol type, AttributeData meterAttribute)
    {
        var meterName = meterAttribute.ConstructorArguments.Length == 1 ? meterAttribute.ConstructorArguments[0].Value as string : null;
        var version = meterAttribute.NamedArguments.FirstOrDefault(a => a.Key == "Version").Value.Value as string;
        var location = SymbolFacts.AttributeLocation(meterAttribute, type, _cancellationToken);

        var classLocation = type.Locations.FirstOrDefault() ?? location;
        var (reason, canHoldMethods) = ClassProblem(type, meterName);
        if (reason is not null)
        {
            Report(DiagnosticDescriptors.InvalidMeterClass, classLocation, type.Name, reason);
            return canHoldMethods ? InertClass(type) : null;
        }

        if (_types.Meter is null || _types.TagList is null)
        {
            Report(DiagnosticDescriptors.InstrumentNotAvailable, location, type.Name, "Meter and TagList", "6.0");
            return InertClass(type);
        }

        if (!type.IsStatic && _types.MeterFactory is null)
        {
            Report(DiagnosticDescriptors.InstrumentNotAvailable, classLocation, type.Name, "IMeterFactory for a non-static [Meter] class", "8.0");
            return InertClass(type);
        }

        // A class without a problem is partial, at namespace level and not generic: one declaration line.
        PartialTypeChain.TryCreate(type, out var declarations);
        var instruments = new List<InstrumentModel>();
        var enums = new Dictionary<string, EnumTagModel>(StringComparer.Ordinal);
        foreach (var member in type.GetMembers())
        {
            _cancellationToken.ThrowIfCancellationRequested();
            if (member is IMethodSymbol { MethodKind: MethodKind.Ordinary } method
                && TryGetInstrumentAttribute(method, out var attribute, out var kind, out var count))
            {
                var instrument = ParseMethod(type, method, attribute!, kind, count, enums);
                if (instrument is not null)
                {
                    instruments.Add(instrument);
                }
            }
        }

        return new MeterClassModel(
            type.ContainingNamespace.IsGlobalNamespace ? string.Empty : type.ContainingNamespace.ToDisplayString(),
            CSharpText.Identifier(type.Name),
            type.ToDisplayString().Replace("@", string.Empty),
            type.DeclaredAccessibility == Accessibility.Public ? "public" : "internal",
            type.IsStatic,
            meterName!,
            version,
            _types.InstrumentAdvice is not null,
            instruments.ToEquatableArray(),
            enums.Values.OrderBy(e => e.TypeName, StringComparer.Ordinal).ToEquatableArray(),
            IsInert: false,
            declarations,
            type.MemberNames.OrderBy(n => n, StringComparer.Ordinal).ToEquatableArray());
    }

    /// <summary>
    /// A class reported as unusable that can still hold method bodies: its instrument methods get inert
    /// bodies, so the build reports the Contrail error (analyzers do not run when the compilation has
    /// errors) instead of CS8795 for each partial method without an implementation.
    /// </summary>
    private static MeterClassModel? InertClass(INamedTypeSymbol type)
    {
        if (!PartialTypeChain.TryCreate(type, out var declarations))
        {
            return null;
        }

        var instruments = new List<InstrumentModel>();
        foreach (var member in type.GetMembers())
        {
            if (member is IMethodSymbol { MethodKind: MethodKind.Ordinary } method
                && InstrumentKindOf(method, out var kind)
                && HasImplementableSignature(type, method))
            {
                instruments.Add(Inert(method, kind));
            }
        }

        return InertClassModel(type, declarations, instruments);
    }

    /// <summary>
    /// Bodies for instrument methods declared outside a <c>[Meter]</c> class (CTR3015), so that the build
    /// reports that error rather than CS8795; <see langword="null"/> when none can be written.
    /// </summary>
    public static MeterClassModel? OutsideMeter(INamedTypeSymbol type, IMethodSymbol method, InstrumentKind kind) =>
        HasImplementableSignature(type, method) && PartialTypeChain.TryCreate(type, out var declarations)
            ? InertClassModel(type, declarations, new[] { Inert(method, kind) })
            : null;

    private static MeterClassModel InertClassModel(INamedTypeSymbol type, EquatableArray<string> declarations, IReadOnlyList<InstrumentModel> instruments) => new(
        type.ContainingNamespace.IsGlobalNamespace ? string.Empty : type.ContainingNamespace.ToDisplayString(),
        CSharpText.Identifier(type.Name),
        type.ToDisplayString().Replace("@", string.Empty),
        type.DeclaredAccessibility == Accessibility.Public ? "public" : "internal",
        type.IsStatic,
        string.Empty,
        null,
        false,
        instruments.ToEquatableArray(),
        EquatableArray<EnumTagModel>.Empty,
        IsInert: true,
        declarations,
        EquatableArray<string>.Empty);

    /// <summary>The kind of the method's first instrument attribute, by name: enough to write an inert body.</summary>
    public static bool InstrumentKindOf(IMethodSymbol method, out InstrumentKind kind)
    {
        foreach (var attribute in method.GetAttributes())
        {
            if (IsInstrumentAttribute(attribute, out kind))
            {
                return true;
            }
        }

        kind = default;
        return false;
    }

    /// <summary>Whether the attribute is one of Contrail's instrument attributes, and which.</summary>
    public static bool IsInstrumentAttribute(AttributeData attribute, out InstrumentKind kind)
    {
        if (attribute.AttributeClass is { ContainingNamespace: { Name: "Contrail", ContainingNamespace.IsGlobalNamespace: true } } attributeClass
            && KindOf(attributeClass.Name) is { } found)
        {
            kind = found;
            return true;
        }

        kind = default;
        return false;
    }

    /// <summary>
    /// An instrument that is reported as an error: its method gets a body that records nothing, whatever
    /// its shape (generic, <c>ref</c>/<c>out</c>/<c>in</c>/<c>params</c> parameters, static or not).
    /// </summary>
    private static InstrumentModel Inert(IMethodSymbol method, InstrumentKind kind) => new(
        kind,
        CSharpText.Identifier(method.Name),
        Modifiers(method),
        string.Empty,
        null,
        null,
        "long",
        ReturnType(method),
        method.Parameters.Select(p => ParameterDeclaration(method, p)).ToEquatableArray(),
        null,
        EquatableArray<TagModel>.Empty,
        EquatableArray<double>.Empty,
        ObservableCallbackKind.Value,
        null,
        IsInert: true,
        method.IsStatic,
        PartialTypeChain.TypeParameterList(method.TypeParameters),
        method.TypeParameters.Select(ConstraintClause).Where(c => c is not null).Select(c => c!).ToEquatableArray());

    /// <summary>
    /// Whether an implementation part can be written for the method, whatever its attributes say: it is a
    /// partial definition nobody else implements. An instance method in a static class is the compiler's
    /// own error (CS0708), which a body would not fix.
    /// </summary>
    private static bool HasImplementableSignature(INamedTypeSymbol type, IMethodSymbol method) =>
        method.IsPartialDefinition
        && (method.PartialImplementationPart is null || IsGenerated(method.PartialImplementationPart))
        && (method.IsStatic || !type.IsStatic);

    private static string ReturnType(IMethodSymbol method)
    {
        if (method.ReturnsVoid)
        {
            return "void";
        }

        var byRef = method.ReturnsByRefReadonly ? "ref readonly " : method.ReturnsByRef ? "ref " : string.Empty;
        return byRef + ParameterType(method.ReturnType);
    }

    /// <summary>A parameter as the implementation part declares it: modifiers, type and name, no attributes or default.</summary>
    private static string ParameterDeclaration(IMethodSymbol method, IParameterSymbol parameter)
    {
        var modifiers = new StringBuilder();
        if (method.IsExtensionMethod && parameter.Ordinal == 0)
        {
            modifiers.Append("this ");
        }

        if (parameter.IsParams)
        {
            modifiers.Append("params ");
        }

        // Both parts must agree on scoped; an out parameter is scoped without saying so.
        if (parameter.ScopedKind != ScopedKind.None && parameter.RefKind != RefKind.Out)
        {
            modifiers.Append("scoped ");
        }

        modifiers.Append(parameter.RefKind switch
        {
            RefKind.Ref => "ref ",
            RefKind.Out => "out ",
            RefKind.In => "in ",
            RefKind.RefReadOnlyParameter => "ref readonly ",
            _ => string.Empty,
        });
        return modifiers + ParameterType(parameter.Type) + " " + CSharpText.Identifier(parameter.Name);
    }

    /// <summary>The <c>where</c> clause of a method type parameter, or <see langword="null"/> when it has no constraint.</summary>
    private static string? ConstraintClause(ITypeParameterSymbol typeParameter)
    {
        var constraints = new List<string>();
        if (typeParameter.HasUnmanagedTypeConstraint)
        {
            constraints.Add("unmanaged");
        }
        else if (typeParameter.HasValueTypeConstraint)
        {
            constraints.Add("struct");
        }
        else if (typeParameter.HasReferenceTypeConstraint)
        {
            constraints.Add(typeParameter.ReferenceTypeConstraintNullableAnnotation == NullableAnnotation.Annotated ? "class?" : "class");
        }
        else if (typeParameter.HasNotNullConstraint)
        {
            constraints.Add("notnull");
        }

        constraints.AddRange(typeParameter.ConstraintTypes.Select(ParameterType));
        if (typeParameter.HasConstructorConstraint && !typeParameter.HasValueTypeConstraint)
        {
            constraints.Add("new()");
        }

        return constraints.Count == 0 ? null : $"where {CSharpText.Identifier(typeParameter.Name)} : {string.Join(", ", constraints)}";
    }

    private static (string? Reason, bool CanHoldMethods) ClassProblem(INamedTypeSymbol type, string? meterName)
    {
        if (type.TypeKind != TypeKind.Class || type.IsRecord)
        {
            // A partial record, struct or interface can still take the bodies of its instrument methods.
            return ("only a class can be a [Meter] class", type.TypeKind is TypeKind.Class or TypeKind.Struct or TypeKind.Interface);
        }

        if (!PartialTypeChain.IsPartial(type))
        {
            return ("it is not partial", false);
        }

        // Another file cannot add to a file-local class, so no body can be generated.
        if (type.IsFileLocal)
        {
            return ("it is file-local; the generated part lives in another file", false);
        }

        // Nested and generic classes still get inert bodies where their declarations allow (PartialTypeChain).
        if (type.IsGenericType)
        {
            return ("it is generic", true);
        }

        if (type.ContainingType is not null)
        {
            return ("it is nested in another type; declare it at namespace level", true);
        }

        if (string.IsNullOrWhiteSpace(meterName))
        {
            return ("the meter name is empty", true);
        }

        if (!type.IsStatic && type.InstanceConstructors.Any(c => !c.IsImplicitlyDeclared && !IsGenerated(c)))
        {
            return ("a non-static [Meter] class gets its constructor (taking IMeterFactory) from the generator, so it must not declare one", true);
        }

        return (null, true);
    }

    private InstrumentModel? ParseMethod(INamedTypeSymbol type, IMethodSymbol method, AttributeData attribute, InstrumentKind kind, int attributeCount, Dictionary<string, EnumTagModel> enums)
    {
        var location = method.Locations.FirstOrDefault() ?? Location.None;
        var attributeLocation = SymbolFacts.AttributeLocation(attribute, method, _cancellationToken);
        var name = attribute.ConstructorArguments.Length == 1 ? attribute.ConstructorArguments[0].Value as string : null;
        var unit = Named(attribute, "Unit") as string;
        var description = Named(attribute, "Description") as string;

        var problem = MethodProblem(type, method, attributeCount);
        if (problem is not null)
        {
            Report(DiagnosticDescriptors.InvalidInstrumentMethod, location, method.Name, problem);
            return HasImplementableSignature(type, method) ? Inert(method, kind) : null;
        }

        var valid = CheckName(name, attributeLocation);
        CheckUnit(unit, method.Name, attributeLocation);
        valid &= CheckAvailable(method, kind, attributeLocation);

        var isObservable = kind is InstrumentKind.ObservableCounter or InstrumentKind.ObservableUpDownCounter or InstrumentKind.ObservableGauge;
        string valueType;
        string? measurement = null;
        var callback = ObservableCallbackKind.Value;
        string? callbackParameter = null;
        var tags = new List<TagModel>();
        var buckets = EquatableArray<double>.Empty;

        if (isObservable)
        {
            if (!TryParseObservable(method, kind, out valueType, out callback))
            {
                return Inert(method, kind);
            }

            callbackParameter = CSharpText.Identifier(method.Parameters[0].Name);
        }
        else
        {
            if (!method.ReturnsVoid)
            {
                Report(DiagnosticDescriptors.InvalidInstrumentMethod, location, method.Name, "it returns a value; a recording instrument method returns void");
                return Inert(method, kind);
            }

            var measurementParameter = FindMeasurement(method, kind, out var measurementValid);
            valid &= measurementValid;
            valueType = measurementParameter is null ? "long" : MeasurementType(measurementParameter.Type) ?? "long";
            if (measurementParameter is not null && MeasurementType(measurementParameter.Type) is null)
            {
                Report(DiagnosticDescriptors.UnsupportedMeasurementType, measurementParameter.Locations.FirstOrDefault() ?? location, measurementParameter.Name, measurementParameter.Type.ToDisplayString());
                valid = false;
            }

            measurement = measurementParameter is null ? null : CSharpText.Identifier(measurementParameter.Name);
            foreach (var parameter in method.Parameters)
            {
                if (!SymbolEqualityComparer.Default.Equals(parameter, measurementParameter))
                {
                    valid &= AddTags(method, parameter, tags, enums);
                }
            }

            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var tag in tags)
            {
                if (!seen.Add(tag.Name))
                {
                    Report(DiagnosticDescriptors.DuplicateMetricTagName, location, tag.Name, method.Name);
                    valid = false;
                }
            }

            if (kind == InstrumentKind.Histogram)
            {
                valid &= ParseBuckets(method, attribute, attributeLocation, valueType, out buckets);
            }
        }

        if (!valid)
        {
            return Inert(method, kind);
        }

        return new InstrumentModel(
            kind,
            CSharpText.Identifier(method.Name),
            Modifiers(method),
            name!,
            string.IsNullOrEmpty(unit) ? null : unit,
            string.IsNullOrEmpty(description) ? null : description,
            valueType,
            method.ReturnsVoid ? "void" : SymbolFacts.FullyQualifiedName(method.ReturnType),
            method.Parameters.Select(p => ParameterDeclaration(method, p)).ToEquatableArray(),
            measurement,
            tags.ToEquatableArray(),
            buckets,
            callback,
            callbackParameter,
            IsInert: false,
            method.IsStatic,
            string.Empty,
            EquatableArray<string>.Empty);
    }

    private string? MethodProblem(INamedTypeSymbol type, IMethodSymbol method, int attributeCount)
    {
        if (attributeCount > 1)
        {
            return "it has more than one instrument attribute";
        }

        if (method.IsGenericMethod)
        {
            return "it is generic";
        }

        if (!method.IsPartialDefinition)
        {
            return "it is not a partial method declaration without a body; declare it 'partial' and let Contrail write the body";
        }

        if (method.PartialImplementationPart is { } implementation && !IsGenerated(implementation))
        {
            return "it already has a body; remove the body and let Contrail write it";
        }

        if (method.IsStatic != type.IsStatic)
        {
            return type.IsStatic ? "it must be static in a static [Meter] class" : "it must be an instance method in a non-static [Meter] class";
        }

        if (method.Parameters.Any(p => p.RefKind != RefKind.None || p.IsParams))
        {
            return "a parameter is ref, out, in or params";
        }

        if (method.IsExtensionMethod)
        {
            return "it is an extension method";
        }

        return null;
    }

    private bool TryParseObservable(IMethodSymbol method, InstrumentKind kind, out string valueType, out ObservableCallbackKind callback)
    {
        valueType = "long";
        callback = ObservableCallbackKind.Value;
        var location = method.Locations.FirstOrDefault() ?? Location.None;
        if (method.Parameters.Length != 1
            || method.Parameters[0].Type is not INamedTypeSymbol { IsGenericType: true } func
            || !SymbolEqualityComparer.Default.Equals(func.OriginalDefinition, _types.Func))
        {
            Report(DiagnosticDescriptors.InvalidInstrumentMethod, location, method.Name,
                "an observable instrument method takes one callback parameter: Func<T>, Func<Measurement<T>> or Func<IEnumerable<Measurement<T>>>");
            return false;
        }

        var reported = func.TypeArguments[0];
        if (reported is INamedTypeSymbol { IsGenericType: true } enumerable
            && SymbolEqualityComparer.Default.Equals(enumerable.OriginalDefinition, _types.Enumerable))
        {
            reported = enumerable.TypeArguments[0];
            callback = ObservableCallbackKind.Measurements;
        }

        if (reported is INamedTypeSymbol { IsGenericType: true } measurement
            && SymbolEqualityComparer.Default.Equals(measurement.OriginalDefinition, _types.Measurement))
        {
            reported = measurement.TypeArguments[0];
            callback = callback == ObservableCallbackKind.Measurements ? callback : ObservableCallbackKind.Measurement;
        }
        else if (callback == ObservableCallbackKind.Measurements)
        {
            Report(DiagnosticDescriptors.InvalidInstrumentMethod, location, method.Name,
                "an observable instrument method takes one callback parameter: Func<T>, Func<Measurement<T>> or Func<IEnumerable<Measurement<T>>>");
            return false;
        }

        if (MeasurementType(reported) is not { } type)
        {
            Report(DiagnosticDescriptors.UnsupportedMeasurementType, method.Parameters[0].Locations.FirstOrDefault() ?? location, method.Parameters[0].Name, reported.ToDisplayString());
            return false;
        }

        valueType = type;
        var instrumentType = kind switch
        {
            InstrumentKind.ObservableCounter => "ObservableCounter",
            InstrumentKind.ObservableUpDownCounter => "ObservableUpDownCounter",
            _ => "ObservableGauge",
        };
        if (!method.ReturnsVoid
            && !(method.ReturnType is INamedTypeSymbol { IsGenericType: true } returned
                && returned.Name == instrumentType
                && returned.ContainingNamespace.ToDisplayString() == "System.Diagnostics.Metrics"
                && SymbolEqualityComparer.Default.Equals(returned.TypeArguments[0], reported)))
        {
            Report(DiagnosticDescriptors.InvalidInstrumentMethod, location, method.Name, $"an observable instrument method returns void or {instrumentType}<{type}>");
            return false;
        }

        return true;
    }

    private IParameterSymbol? FindMeasurement(IMethodSymbol method, InstrumentKind kind, out bool valid)
    {
        valid = true;
        var marked = method.Parameters.Where(p => HasAttribute(p, _types.MeasurementAttribute)).ToList();
        if (marked.Count > 1)
        {
            Report(DiagnosticDescriptors.MissingMeasurement, marked[1].Locations.FirstOrDefault() ?? Location.None, method.Name, "has more than one [Measurement] parameter");
            valid = false;
            return marked[0];
        }

        if (marked.Count == 1)
        {
            return marked[0];
        }

        if (method.Parameters.Length > 0
            && MeasurementType(method.Parameters[0].Type) is not null
            && !HasAttribute(method.Parameters[0], _types.TagAttribute))
        {
            return method.Parameters[0];
        }

        if (kind != InstrumentKind.Counter)
        {
            Report(DiagnosticDescriptors.MissingMeasurement, method.Locations.FirstOrDefault() ?? Location.None, method.Name,
                $"is {WithArticle(KindDisplay(kind))} and needs a measurement: make the first parameter numeric (byte, short, int, long, float, double or decimal) or mark one [Measurement]");
            valid = false;
        }

        return null;
    }

    private bool AddTags(IMethodSymbol method, IParameterSymbol parameter, List<TagModel> tags, Dictionary<string, EnumTagModel> enums)
    {
        var access = CSharpText.Identifier(parameter.Name);
        var location = parameter.Locations.FirstOrDefault() ?? Location.None;
        if (parameter.Type is INamedTypeSymbol tagObject && HasAttribute(tagObject, _types.MetricTagsAttribute))
        {
            var guard = tagObject.IsReferenceType ? access : null;
            var valid = true;
            foreach (var member in tagObject.GetMembers())
            {
                _cancellationToken.ThrowIfCancellationRequested();
                var memberType = member switch
                {
                    IPropertySymbol { IsStatic: false, IsIndexer: false, DeclaredAccessibility: Accessibility.Public, GetMethod: { DeclaredAccessibility: Accessibility.Public } } property => property.Type,
                    IFieldSymbol { IsStatic: false, IsImplicitlyDeclared: false, DeclaredAccessibility: Accessibility.Public } field => field.Type,
                    _ => null,
                };
                if (memberType is null || (member is IPropertySymbol p && p.Name == "EqualityContract"))
                {
                    continue;
                }

                valid &= AddTag(method, member, memberType, access + "." + CSharpText.Identifier(member.Name), guard, member.Locations.FirstOrDefault() ?? location, location, tags, enums);
            }

            return valid;
        }

        return AddTag(method, parameter, parameter.Type, access, null, location, location, tags, enums);
    }

    private bool AddTag(IMethodSymbol method, ISymbol source, ITypeSymbol type, string access, string? guard, Location location, Location reportAt, List<TagModel> tags, Dictionary<string, EnumTagModel> enums)
    {
        var tagAttribute = source.GetAttributes().FirstOrDefault(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, _types.TagAttribute));
        var explicitName = tagAttribute is { ConstructorArguments.Length: 1 } ? tagAttribute.ConstructorArguments[0].Value as string : null;
        var name = tagAttribute is { ConstructorArguments.Length: 1 } ? explicitName ?? string.Empty : MetricNamingRules.SnakeCase(source.Name);
        var bounded = tagAttribute is not null && Named(tagAttribute, "Bounded") is true;
        var nameLocation = tagAttribute is { ConstructorArguments.Length: 1 } ? SymbolFacts.AttributeLocation(tagAttribute, source, _cancellationToken) : location;

        var kind = TagKind(type, out var enumType);
        if (kind is null)
        {
            Report(DiagnosticDescriptors.UnsupportedMetricTagType, location, source.Name, type.ToDisplayString());
            return false;
        }

        if (MetricNamingRules.TagNameProblem(name) is { } problem)
        {
            Report(DiagnosticDescriptors.InvalidMetricTagName, nameLocation, name, problem);
            if (name.Length == 0)
            {
                return false;
            }
        }

        if (!bounded)
        {
            if (kind == TagValueKind.Guid)
            {
                Report(DiagnosticDescriptors.LikelyUnboundedMetricTag, location, name, method.Name, "a Guid is an identifier");
            }
            else if (kind is TagValueKind.String or TagValueKind.Integral or TagValueKind.UInt64 && _unboundedPattern is not null && MetricNamingRules.LooksUnbounded(_unboundedPattern, name))
            {
                Report(DiagnosticDescriptors.LikelyUnboundedMetricTag, location, name, method.Name, "its name says it holds identifiers");
            }
        }

        if (kind == TagValueKind.Enum && enumType is not null)
        {
            var typeName = SymbolFacts.FullyQualifiedName(enumType);
            if (!enums.ContainsKey(typeName))
            {
                enums[typeName] = EnumModel(enumType, typeName);
            }
        }

        tags.Add(new TagModel(name, access, kind.Value, guard, enumType is null ? null : SymbolFacts.FullyQualifiedName(enumType)));
        return true;
    }

    private EnumTagModel EnumModel(INamedTypeSymbol enumType, string typeName)
    {
        // Aliases share a value: the first declared member names it, as a switch can have one case per value.
        var members = new List<EnumTagMember>();
        var values = new HashSet<object>();
        foreach (var field in enumType.GetMembers().OfType<IFieldSymbol>())
        {
            if (field.HasConstantValue && field.ConstantValue is { } value && values.Add(value))
            {
                // A protobuf enum is recorded by its name in the .proto, as on the wire and in spans.
                var original = field.GetAttributes().FirstOrDefault(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, _types.OriginalName));
                var tagValue = original is { ConstructorArguments.Length: > 0 } && original.ConstructorArguments[0].Value is string { Length: > 0 } name ? name : field.Name;
                members.Add(new EnumTagMember(field.Name, tagValue));
            }
        }

        return new EnumTagModel(typeName, enumType.EnumUnderlyingType?.ToDisplayString() ?? "int", members.ToEquatableArray());
    }

    private TagValueKind? TagKind(ITypeSymbol type, out INamedTypeSymbol? enumType)
    {
        enumType = null;
        if (type.TypeKind == TypeKind.Enum && type is INamedTypeSymbol named)
        {
            enumType = named;
            return TagValueKind.Enum;
        }

        if (SymbolEqualityComparer.Default.Equals(type, _types.Guid))
        {
            return TagValueKind.Guid;
        }

        return type.SpecialType switch
        {
            SpecialType.System_String => TagValueKind.String,
            SpecialType.System_Boolean => TagValueKind.Boolean,
            SpecialType.System_SByte or SpecialType.System_Byte or SpecialType.System_Int16 or SpecialType.System_UInt16
                or SpecialType.System_Int32 or SpecialType.System_UInt32 or SpecialType.System_Int64 => TagValueKind.Integral,
            SpecialType.System_UInt64 => TagValueKind.UInt64,
            _ => null,
        };
    }

    private bool ParseBuckets(IMethodSymbol method, AttributeData attribute, Location location, string valueType, out EquatableArray<double> buckets)
    {
        buckets = EquatableArray<double>.Empty;
        var argument = attribute.NamedArguments.FirstOrDefault(a => a.Key == "Buckets").Value;
        if (argument.Kind != TypedConstantKind.Array || argument.IsNull)
        {
            return true;
        }

        var values = argument.Values.Select(v => v.Value is double d ? d : double.NaN).ToList();
        if (HistogramBucketRules.Problem(values, valueType) is { } problem)
        {
            return Report(DiagnosticDescriptors.InvalidHistogramBuckets, location, method.Name, problem);
        }

        buckets = values.ToEquatableArray();
        return true;
    }

    private bool CheckName(string? name, Location location)
    {
        if (MetricNamingRules.InstrumentNameSyntax(name) is { } reason)
        {
            return Report(DiagnosticDescriptors.InvalidInstrumentName, location, name ?? string.Empty, reason);
        }

        if (MetricNamingRules.InstrumentNameStyle(name!) is { } advice)
        {
            Report(DiagnosticDescriptors.InstrumentNameStyle, location, name!, advice);
        }

        return true;
    }

    private void CheckUnit(string? unit, string methodName, Location location)
    {
        if (string.IsNullOrEmpty(unit))
        {
            return;
        }

        var problem = MetricNamingRules.UnitProblem(unit!);
        if (problem is not null)
        {
            Report(DiagnosticDescriptors.InvalidInstrumentUnit, location, unit!, methodName, problem);
        }
    }

    private bool CheckAvailable(IMethodSymbol method, InstrumentKind kind, Location location)
    {
        var (missing, what, version) = kind switch
        {
            InstrumentKind.Gauge => (_types.Gauge is null, "the synchronous Gauge<T>", "9.0"),
            InstrumentKind.UpDownCounter => (_types.UpDownCounter is null, "UpDownCounter<T>", "7.0"),
            InstrumentKind.ObservableUpDownCounter => (_types.ObservableUpDownCounter is null, "ObservableUpDownCounter<T>", "7.0"),
            InstrumentKind.ObservableCounter or InstrumentKind.ObservableGauge => (_types.Measurement is null, "Measurement<T>", "6.0"),
            _ => (false, string.Empty, string.Empty),
        };
        return !missing || Report(DiagnosticDescriptors.InstrumentNotAvailable, location, method.Name, what, version);
    }

    internal static string? MeasurementType(ITypeSymbol type) => type.SpecialType switch
    {
        SpecialType.System_Byte => "byte",
        SpecialType.System_Int16 => "short",
        SpecialType.System_Int32 => "int",
        SpecialType.System_Int64 => "long",
        SpecialType.System_Single => "float",
        SpecialType.System_Double => "double",
        SpecialType.System_Decimal => "decimal",
        _ => null,
    };

    /// <summary>"a histogram", "an up-down counter".</summary>
    private static string WithArticle(string noun) => ("aeiou".IndexOf(noun[0]) >= 0 ? "an " : "a ") + noun;

    internal static string KindDisplay(InstrumentKind kind) => kind switch
    {
        InstrumentKind.Counter => "counter",
        InstrumentKind.UpDownCounter => "up-down counter",
        InstrumentKind.Histogram => "histogram",
        InstrumentKind.Gauge => "gauge",
        InstrumentKind.ObservableCounter => "observable counter",
        InstrumentKind.ObservableUpDownCounter => "observable up-down counter",
        _ => "observable gauge",
    };

    private static InstrumentKind? KindOf(string attributeName) => attributeName switch
    {
        "CounterAttribute" => InstrumentKind.Counter,
        "UpDownCounterAttribute" => InstrumentKind.UpDownCounter,
        "HistogramAttribute" => InstrumentKind.Histogram,
        "GaugeAttribute" => InstrumentKind.Gauge,
        "ObservableCounterAttribute" => InstrumentKind.ObservableCounter,
        "ObservableUpDownCounterAttribute" => InstrumentKind.ObservableUpDownCounter,
        "ObservableGaugeAttribute" => InstrumentKind.ObservableGauge,
        _ => null,
    };

    private static bool IsGenerated(ISymbol symbol) =>
        symbol.DeclaringSyntaxReferences.Any(r => r.SyntaxTree.FilePath.EndsWith(HintSuffix, StringComparison.Ordinal));

    private static string Modifiers(IMethodSymbol method)
    {
        foreach (var reference in method.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax() is MethodDeclarationSyntax syntax)
            {
                // The modifiers both parts of a partial method must repeat (static comes from IsStatic).
                return string.Join(" ", syntax.Modifiers
                    .Where(m => m.Kind() is SyntaxKind.PublicKeyword or SyntaxKind.InternalKeyword or SyntaxKind.PrivateKeyword or SyntaxKind.ProtectedKeyword
                        or SyntaxKind.NewKeyword or SyntaxKind.VirtualKeyword or SyntaxKind.OverrideKeyword or SyntaxKind.SealedKeyword or SyntaxKind.UnsafeKeyword)
                    .Select(m => m.Text));
            }
        }

        return string.Empty;
    }

    private static string ParameterType(ITypeSymbol type)
    {
        var name = SymbolFacts.FullyQualifiedName(type);
        return type.NullableAnnotation == NullableAnnotation.Annotated && (type.IsReferenceType || type is ITypeParameterSymbol { IsValueType: false }) ? name + "?" : name;
    }

    private static object? Named(AttributeData attribute, string name) =>
        attribute.NamedArguments.FirstOrDefault(a => a.Key == name).Value.Value;

    private static bool HasAttribute(ISymbol symbol, INamedTypeSymbol? attribute) =>
        attribute is not null && symbol.GetAttributes().Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, attribute));

    private bool Report(DiagnosticDescriptor descriptor, Location location, params object[] arguments)
    {
        _diagnostics?.Add(Diagnostic.Create(descriptor, location, arguments));
        return descriptor.DefaultSeverity != DiagnosticSeverity.Error;
    }
}
