using System;

namespace Contrail;

/// <summary>
/// The common shape of Contrail's instrument attributes: the instrument name, unit and description.
/// Apply one of the derived attributes to a <see langword="partial"/> method of a
/// <see cref="MeterAttribute"/> class.
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false, AllowMultiple = false)]
public abstract class InstrumentAttribute : Attribute
{
    /// <summary>Creates the attribute.</summary>
    /// <param name="name">The instrument name, lowercase and dot-separated, for example <c>acme.shop.orders.placed</c>.</param>
    protected InstrumentAttribute(string name)
    {
        Name = name;
    }

    /// <summary>Gets the instrument name.</summary>
    public string Name { get; }

    /// <summary>
    /// Gets or sets the unit in UCUM notation, for example <c>s</c>, <c>By</c> or an annotation such as
    /// <c>{order}</c>; <see langword="null"/> for none.
    /// </summary>
    public string? Unit { get; set; }

    /// <summary>Gets or sets the instrument's description, or <see langword="null"/> for none.</summary>
    public string? Description { get; set; }
}

/// <summary>
/// A monotonic counter (<c>Counter&lt;T&gt;</c>). A method without a measurement parameter adds 1 per call.
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false, AllowMultiple = false)]
public sealed class CounterAttribute : InstrumentAttribute
{
    /// <summary>Creates the attribute.</summary>
    /// <param name="name">The instrument name.</param>
    public CounterAttribute(string name)
        : base(name)
    {
    }
}

/// <summary>A counter that can go up and down (<c>UpDownCounter&lt;T&gt;</c>), for example items in a queue.</summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false, AllowMultiple = false)]
public sealed class UpDownCounterAttribute : InstrumentAttribute
{
    /// <summary>Creates the attribute.</summary>
    /// <param name="name">The instrument name.</param>
    public UpDownCounterAttribute(string name)
        : base(name)
    {
    }
}

/// <summary>A distribution of measurements (<c>Histogram&lt;T&gt;</c>), for example durations or sizes.</summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false, AllowMultiple = false)]
public sealed class HistogramAttribute : InstrumentAttribute
{
    /// <summary>Creates the attribute.</summary>
    /// <param name="name">The instrument name.</param>
    public HistogramAttribute(string name)
        : base(name)
    {
    }

    /// <summary>
    /// Gets or sets the advised explicit bucket boundaries, strictly ascending, or <see langword="null"/>
    /// to leave the choice to the metrics pipeline. Passed as <c>InstrumentAdvice&lt;T&gt;</c> where the
    /// runtime has it (System.Diagnostics.DiagnosticSource 9.0 and later) and ignored elsewhere.
    /// </summary>
    public double[]? Buckets { get; set; }
}

/// <summary>
/// A synchronous gauge (<c>Gauge&lt;T&gt;</c>): records the current value, for example a temperature.
/// Needs System.Diagnostics.DiagnosticSource 9.0 or later; elsewhere use <see cref="ObservableGaugeAttribute"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false, AllowMultiple = false)]
public sealed class GaugeAttribute : InstrumentAttribute
{
    /// <summary>Creates the attribute.</summary>
    /// <param name="name">The instrument name.</param>
    public GaugeAttribute(string name)
        : base(name)
    {
    }
}

/// <summary>
/// An observable counter whose values a callback reports when metrics are collected. The method takes
/// the callback (<c>Func&lt;T&gt;</c>, <c>Func&lt;Measurement&lt;T&gt;&gt;</c> or
/// <c>Func&lt;IEnumerable&lt;Measurement&lt;T&gt;&gt;&gt;</c>) and registers it once.
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false, AllowMultiple = false)]
public sealed class ObservableCounterAttribute : InstrumentAttribute
{
    /// <summary>Creates the attribute.</summary>
    /// <param name="name">The instrument name.</param>
    public ObservableCounterAttribute(string name)
        : base(name)
    {
    }
}

/// <summary>An observable up-down counter whose values a callback reports; see <see cref="ObservableCounterAttribute"/>.</summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false, AllowMultiple = false)]
public sealed class ObservableUpDownCounterAttribute : InstrumentAttribute
{
    /// <summary>Creates the attribute.</summary>
    /// <param name="name">The instrument name.</param>
    public ObservableUpDownCounterAttribute(string name)
        : base(name)
    {
    }
}

/// <summary>An observable gauge whose values a callback reports; see <see cref="ObservableCounterAttribute"/>.</summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false, AllowMultiple = false)]
public sealed class ObservableGaugeAttribute : InstrumentAttribute
{
    /// <summary>Creates the attribute.</summary>
    /// <param name="name">The instrument name.</param>
    public ObservableGaugeAttribute(string name)
        : base(name)
    {
    }
}
