using System;

namespace Contrail;

/// <summary>
/// Marks a <see langword="partial"/> class whose <see langword="partial"/> methods Contrail's generator
/// implements as typed metric instruments of one meter.
/// </summary>
/// <remarks>
/// A <see langword="static"/> class gets a static meter created on first use. A non-static class gets
/// a constructor taking <c>System.Diagnostics.Metrics.IMeterFactory</c>, so each instance records into
/// the factory's meter and tests can isolate meters; register it as a singleton.
/// </remarks>
[AttributeUsage(AttributeTargets.Class, Inherited = false, AllowMultiple = false)]
public sealed class MeterAttribute : Attribute
{
    /// <summary>Creates the attribute.</summary>
    /// <param name="name">The meter name, for example <c>Acme.Shop</c>: what a metrics pipeline subscribes to.</param>
    public MeterAttribute(string name)
    {
        Name = name;
    }

    /// <summary>Gets the meter name.</summary>
    public string Name { get; }

    /// <summary>Gets or sets the meter version, or <see langword="null"/> for none.</summary>
    public string? Version { get; set; }
}
