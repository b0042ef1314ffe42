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
