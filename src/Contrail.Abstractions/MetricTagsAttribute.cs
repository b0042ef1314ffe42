using System;

namespace Contrail;

/// <summary>
/// Marks a record, class or struct whose public properties and fields are tags, so an instrument
/// method can take one parameter of this type instead of a parameter per tag.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, Inherited = false, AllowMultiple = false)]
public sealed class MetricTagsAttribute : Attribute
{
}
