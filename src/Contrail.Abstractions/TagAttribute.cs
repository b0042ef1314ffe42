using System;

namespace Contrail;

/// <summary>
/// Names the tag (attribute) a parameter of an instrument method, or a member of a
/// <see cref="MetricTagsAttribute"/> type, is recorded as.
/// </summary>
/// <remarks>
/// Without this attribute the tag name is the parameter or member name in snake_case
/// (<c>paymentMethod</c> becomes <c>payment_method</c>). On a numeric parameter it also says the
/// parameter is a tag, not the measurement.
/// </remarks>
[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property | AttributeTargets.Field, Inherited = false, AllowMultiple = false)]
public sealed class TagAttribute : Attribute
{
    /// <summary>Creates the attribute, keeping the name derived from the parameter or member.</summary>
    public TagAttribute()
    {
    }

    /// <summary>Creates the attribute.</summary>
    /// <param name="name">The tag name, for example <c>acme.shop.region</c>.</param>
    public TagAttribute(string name)
    {
        Name = name;
    }

    /// <summary>Gets the tag name, or <see langword="null"/> for the name derived from the parameter or member.</summary>
    public string? Name { get; }

    /// <summary>
    /// Gets or sets whether the tag's values are known to be few (bounded), which silences the
    /// likely-unbounded-tag warning (CTR3012) for a tag whose name or type suggests identifiers.
    /// </summary>
    public bool Bounded { get; set; }
}

/// <summary>
/// Marks the parameter of an instrument method that is the measurement, when it is not the first
/// parameter.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter, Inherited = false, AllowMultiple = false)]
public sealed class MeasurementAttribute : Attribute
{
}

/// <summary>
/// Marks a record, class or struct whose public properties and fields are tags, so an instrument
/// method can take one parameter of this type instead of a parameter per tag.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, Inherited = false, AllowMultiple = false)]
public sealed class MetricTagsAttribute : Attribute
{
}

/// <summary>
/// Emitted by Contrail's generator into an assembly that declares <see cref="MeterAttribute"/> classes:
/// every instrument (meter, name, kind, unit, description, tag keys) as JSON, readable from the
/// compiled assembly's metadata without running it (<c>contrail metrics list</c> reads it).
/// </summary>
/// <remarks>Not meant to be written by hand.</remarks>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
[AttributeUsage(AttributeTargets.Assembly, Inherited = false, AllowMultiple = false)]
public sealed class MetricsManifestAttribute : Attribute
{
    /// <summary>Creates the attribute.</summary>
    /// <param name="json">The manifest, as JSON.</param>
    public MetricsManifestAttribute(string json)
    {
        Json = json;
    }

    /// <summary>Gets the manifest, as JSON.</summary>
    public string Json { get; }
}
