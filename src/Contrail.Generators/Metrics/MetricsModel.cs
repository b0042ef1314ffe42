using Contrail.Generators.Common;

namespace Contrail.Generators.Metrics;

/// <summary>The kinds of instrument a method can be.</summary>
internal enum InstrumentKind
{
    Counter,
    UpDownCounter,
    Histogram,
    Gauge,
    ObservableCounter,
    ObservableUpDownCounter,
    ObservableGauge,
}

/// <summary>How a tag value is turned into the <c>object?</c> a <c>TagList</c> holds.</summary>
internal enum TagValueKind
{
    /// <summary>Stored as is: no allocation.</summary>
    String,

    /// <summary>One of two cached boxes: no allocation.</summary>
    Boolean,

    /// <summary>Widened to <see cref="long"/> and boxed through a cache of small values.</summary>
    Integral,

    /// <summary>An unsigned 64-bit value, boxed (it may not fit a long).</summary>
    UInt64,

    /// <summary>A generated switch to the member's name, a constant string.</summary>
    Enum,

    /// <summary>Formatted to a string (allocates; such tags are warned about as unbounded).</summary>
    Guid,
}

/// <summary>How an observable instrument's callback reports.</summary>
internal enum ObservableCallbackKind
{
    /// <summary><c>Func&lt;T&gt;</c>.</summary>
    Value,

    /// <summary><c>Func&lt;Measurement&lt;T&gt;&gt;</c>.</summary>
    Measurement,

    /// <summary><c>Func&lt;IEnumerable&lt;Measurement&lt;T&gt;&gt;&gt;</c>.</summary>
    Measurements,
}

/// <summary>A <c>[Meter]</c> class and its instruments, ready to emit.</summary>
/// <remarks>
/// Models are <see langword="sealed"/> records of strings, enums, bools and
/// <see cref="EquatableArray{T}"/>, so the incremental pipeline compares them by value; they never
/// hold symbols, syntax, locations or compilations.
/// </remarks>
/// <param name="Namespace">The class's namespace, empty for the global namespace.</param>
/// <param name="ClassName">The class name as declared (escaped when a keyword).</param>
/// <param name="DisplayName">The class's full name without <c>global::</c> or <c>@</c> escapes, for the manifest and the hint name.</param>
/// <param name="IsStatic">Whether the class is static (static meter) rather than built from an <c>IMeterFactory</c>.</param>
/// <param name="HasInstrumentAdvice">Whether <c>InstrumentAdvice&lt;T&gt;</c> exists, for bucket advice.</param>
/// <param name="Enums">The enum types used as tags, each emitted once as a switch.</param>
/// <param name="IsInert">Whether the class has errors: no meter, every instrument method inert.</param>
/// <param name="Declarations">The declaration line of each containing type, outermost first, then of the class itself.</param>
/// <param name="MemberNames">The names the class declares itself, which generated fields must not take.</param>
internal sealed record MeterClassModel(
    string Namespace,
    string ClassName,
    string DisplayName,
    string Accessibility,
    bool IsStatic,
    string MeterName,
    string? MeterVersion,
    bool HasInstrumentAdvice,
    EquatableArray<InstrumentModel> Instruments,
    EquatableArray<EnumTagModel> Enums,
    bool IsInert,
    EquatableArray<string> Declarations,
    EquatableArray<string> MemberNames);

/// <summary>One instrument method.</summary>
/// <param name="MethodName">The method name as declared (escaped when a keyword).</param>
/// <param name="Modifiers">The method's accessibility modifiers as declared, e.g. <c>public</c>, or empty.</param>
/// <param name="ValueType">The instrument's type argument (<c>long</c>, <c>double</c>, ...).</param>
/// <param name="ReturnType">The method's return type as written in the implementation (<c>void</c> or an observable instrument).</param>
/// <param name="Parameters">The method's parameters in order, as written in the implementation: <c>type name</c>, with <c>ref</c>, <c>out</c>, <c>in</c>, <c>params</c> or <c>this</c> in front where declared.</param>
/// <param name="MeasurementParameter">The parameter holding the measurement, or <see langword="null"/> for a counter that adds 1.</param>
/// <param name="Tags">The tags recorded, in declaration order.</param>
/// <param name="Buckets">Histogram bucket advice, validated to fit <paramref name="ValueType"/> (CTR3011), or empty.</param>
/// <param name="IsInert">Whether the method has errors (reported by the analyzer): its body records nothing.</param>
/// <param name="IsStatic">Whether the method is static (for a valid instrument, as its class is).</param>
/// <param name="TypeParameters">The type parameter list of a generic method (only ever inert), e.g. <c>&lt;T&gt;</c>, or empty.</param>
/// <param name="Constraints">The <c>where</c> clauses of a generic method, one per constrained type parameter.</param>
internal sealed record InstrumentModel(
    InstrumentKind Kind,
    string MethodName,
    string Modifiers,
    string Name,
    string? Unit,
    string? Description,
    string ValueType,
    string ReturnType,
    EquatableArray<string> Parameters,
    string? MeasurementParameter,
    EquatableArray<TagModel> Tags,
    EquatableArray<double> Buckets,
    ObservableCallbackKind Callback,
    string? CallbackParameter,
    bool IsInert,
    bool IsStatic,
    string TypeParameters,
    EquatableArray<string> Constraints);

/// <summary>One tag: its name and the C# expression its value is read from.</summary>
/// <param name="Access">The expression, e.g. <c>region</c> or <c>order.Region</c>.</param>
/// <param name="NullGuard">A parameter of a reference type that must be non-null to read <paramref name="Access"/>, or <see langword="null"/>.</param>
/// <param name="EnumType">The fully qualified enum type for <see cref="TagValueKind.Enum"/>.</param>
internal sealed record TagModel(string Name, string Access, TagValueKind Kind, string? NullGuard, string? EnumType);

/// <summary>An enum used as a tag: its type and one member per distinct value.</summary>
internal sealed record EnumTagModel(string TypeName, string UnderlyingType, EquatableArray<EnumTagMember> Members);

/// <summary>An enum member: its C# name (for the case label) and the tag value recorded for it.</summary>
/// <param name="TagValue">The member's name as written in C#, or its protobuf name (<c>[OriginalName]</c>) for a Grpc.Tools enum.</param>
internal sealed record EnumTagMember(string Member, string TagValue);
