using System;
using System.Collections.Generic;
using System.Globalization;

namespace Contrail.Generators.Metrics;

/// <summary>
/// CTR3011: the histogram bucket boundaries a <c>[Histogram(Buckets = ...)]</c> advises must be finite,
/// strictly ascending and representable in the histogram's value type.
/// </summary>
internal static class HistogramBucketRules
{
    /// <summary>Why the boundaries cannot be advised (the diagnostic's message argument), or <see langword="null"/>.</summary>
    /// <param name="values">The boundaries as written; a value that is not a <see cref="double"/> is NaN.</param>
    /// <param name="valueType">The histogram's type argument (<c>long</c>, <c>double</c>, ...).</param>
    public static string? Problem(IReadOnlyList<double> values, string valueType)
    {
        if (values.Count == 0)
        {
            return "are empty; omit Buckets to leave the choice to the metrics pipeline";
        }

        for (var i = 0; i < values.Count; i++)
        {
            var value = values[i];
            if (double.IsNaN(value) || double.IsInfinity(value))
            {
                return "contain NaN or an infinity; the last bucket is always unbounded";
            }

            if (i > 0 && value <= values[i - 1])
            {
                return $"are not strictly ascending: {Format(value)} follows {Format(values[i - 1])}";
            }

            if (valueType is not ("double" or "float" or "decimal") && (Math.Floor(value) != value || !FitsIntegral(value, valueType)))
            {
                return $"must be whole numbers a {valueType} can hold for a {valueType} histogram: {Format(value)} is not";
            }

            if (valueType == "float" && float.IsInfinity((float)value))
            {
                return $"must fit a float: {Format(value)} does not";
            }

            if (valueType == "decimal" && (value > 7.9e28 || value < -7.9e28))
            {
                return $"must fit a decimal: {Format(value)} does not";
            }
        }

        return null;
    }

    /// <summary>A boundary as a round-trip string: in messages and in the metrics manifest.</summary>
    public static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static bool FitsIntegral(double value, string type) => type switch
    {
        "byte" => value >= byte.MinValue && value <= byte.MaxValue,
        "short" => value >= short.MinValue && value <= short.MaxValue,
        "int" => value >= int.MinValue && value <= int.MaxValue,
        _ => value >= -9.2e18 && value <= 9.2e18,
    };
}
