using System;

namespace Contrail;

/// <summary>
/// Excludes one RPC method of a <see cref="TracedServiceAttribute"/> service from tracing and
/// metrics, for example a health check that would otherwise dominate the telemetry.
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false, AllowMultiple = false)]
public sealed class NotTracedAttribute : Attribute
{
}
