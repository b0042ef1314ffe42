using System;
using System.Globalization;
using System.Text;

namespace Contrail.Schema.Breaking;

/// <summary>Go's <c>%q</c> and <c>%v</c> formatting, which buf's messages are written with.</summary>
internal static class GoFormat
{
    /// <summary>Go's strconv.Quote: double quotes, backslash escapes for quotes, backslashes and control characters.</summary>
    public static string Quote(string value)
    {
        var builder = new StringBuilder(value.Length + 2);
        builder.Append('"');
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '"':
                    builder.Append("\\\"");
                    break;
                case '\\':
                    builder.Append("\\\\");
                    break;
                case '\a':
                    builder.Append("\\a");
                    break;
                case '\b':
                    builder.Append("\\b");
                    break;
                case '\f':
                    builder.Append("\\f");
                    break;
                case '\n':
                    builder.Append("\\n");
                    break;
                case '\r':
                    builder.Append("\\r");
                    break;
                case '\t':
                    builder.Append("\\t");
                    break;
                case '\v':
                    builder.Append("\\v");
                    break;
                default:
                    if (c < 0x20 || c == 0x7f)
                    {
                        builder.Append("\\x").Append(((int)c).ToString("x2", CultureInfo.InvariantCulture));
                    }
                    else if (char.IsControl(c))
                    {
                        builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        builder.Append('"');
        return builder.ToString();
    }

    /// <summary>Go's <c>%v</c> of a float64 (strconv 'g' with the shortest precision).</summary>
    public static string Float64(double value) => Float(value, value.ToString("R", CultureInfo.InvariantCulture));

    /// <summary>Go's <c>%v</c> of a float32.</summary>
    public static string Float32(float value) => Float(value, value.ToString("R", CultureInfo.InvariantCulture));

    private static string Float(double value, string shortest)
    {
        if (double.IsNaN(value))
        {
            return "NaN";
        }

        if (double.IsPositiveInfinity(value))
        {
            return "+Inf";
        }

        if (double.IsNegativeInfinity(value))
        {
            return "-Inf";
        }

        // Split the shortest round-trip text into sign, digits and decimal exponent, then lay it out as Go does:
        // %e when the exponent is below -4 or at least 6 (the shortest-precision rule), else plain decimal.
        var negative = shortest.StartsWith("-", StringComparison.Ordinal);
        var text = negative ? shortest.Substring(1) : shortest;
        var exponent = 0;
        var e = text.IndexOfAny(new[] { 'E', 'e' });
        if (e >= 0)
        {
            exponent = int.Parse(text.Substring(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            text = text.Substring(0, e);
        }

        var dot = text.IndexOf('.');
        var digits = dot >= 0 ? text.Remove(dot, 1) : text;
        var pointPosition = (dot >= 0 ? dot : text.Length) + exponent;
        var trimmed = digits.TrimStart('0');
        pointPosition -= digits.Length - trimmed.Length;
        digits = trimmed.TrimEnd('0');
        if (digits.Length == 0)
        {
            return negative ? "-0" : "0";
        }

        var decimalExponent = pointPosition - 1;
        var sign = negative ? "-" : string.Empty;
        if (decimalExponent < -4 || decimalExponent >= 6)
        {
            var mantissa = digits.Length == 1 ? digits : digits.Substring(0, 1) + "." + digits.Substring(1);
            var exponentSign = decimalExponent < 0 ? "-" : "+";
            var magnitude = Math.Abs(decimalExponent).ToString("00", CultureInfo.InvariantCulture);
            return sign + mantissa + "e" + exponentSign + magnitude;
        }

        if (pointPosition <= 0)
        {
            return sign + "0." + new string('0', -pointPosition) + digits;
        }

        if (pointPosition >= digits.Length)
        {
            return sign + digits + new string('0', pointPosition - digits.Length);
        }

        return sign + digits.Substring(0, pointPosition) + "." + digits.Substring(pointPosition);
    }
}
