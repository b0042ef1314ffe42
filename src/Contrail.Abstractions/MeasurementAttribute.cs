using System;

namespace Contrail;

/// <summary>
/// Marks the parameter of an instrument method that is the measurement, when it is not the first
/// parameter.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter, Inherited = false, AllowMultiple = false)]
public sealed class MeasurementAttribute : Attribute
{
}
