using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Google.Protobuf.Reflection;
using FieldType = Google.Protobuf.Reflection.FieldDescriptorProto.Types.Type;

namespace Contrail.Schema.Breaking;

/// <summary>A field's default value as buf compares and prints it (protobuf-go's Default(), printed with %v).</summary>
internal sealed class FieldDefault
{
    private FieldDefault(string? text, decimal? integer, double? real, bool isFloat32, bool isZero, string printable)
    {
        Text = text;
        Integer = integer;
        Real = real;
        IsFloat32 = isFloat32;
        IsZero = isZero;
        Printable = printable;
    }

    /// <summary>For string and bytes: the value (bytes as Latin-1 text).</summary>
    public string? Text { get; }

    /// <summary>For integers, bools and enums: the value.</summary>
    public decimal? Integer { get; }

    /// <summary>For float and double: the value.</summary>
    public double? Real { get; }

    public bool IsFloat32 { get; }

    public bool IsZero { get; }

    public string Printable { get; }

    public static FieldDefault Create(FieldDescriptorProto field, FieldType kind, Dictionary<string, EnumDescriptorProto> enums)
    {
        var has = field.HasDefaultValue;
        var raw = field.DefaultValue;
        switch (kind)
        {
            case FieldType.String:
            {
                var value = has ? raw : string.Empty;
                return new FieldDefault(value, null, null, false, value.Length == 0, GoFormat.Quote(value));
            }

            case FieldType.Bytes:
            {
                var bytes = has ? Unescape(raw) : Array.Empty<byte>();
                var printable = new StringBuilder("[");
                for (var i = 0; i < bytes.Length; i++)
                {
                    if (i > 0)
                    {
                        printable.Append(',');
                    }

                    printable.Append("0x").Append(bytes[i].ToString("X", CultureInfo.InvariantCulture));
                }

                printable.Append(']');
                var text = new StringBuilder(bytes.Length);
                foreach (var b in bytes)
                {
                    text.Append((char)b);
                }

                return new FieldDefault(text.ToString(), null, null, false, bytes.Length == 0, printable.ToString());
            }

            case FieldType.Bool:
            {
                var value = has && raw == "true";
                return new FieldDefault(null, value ? 1 : 0, null, false, !value, value ? "true" : "false");
            }

            case FieldType.Float:
            {
                var value = has ? (float)ParseReal(raw) : 0f;
                return new FieldDefault(null, null, value, true, value == 0f && !IsNegativeZero(value), GoFormat.Float32(value));
            }

            case FieldType.Double:
            {
                var value = has ? ParseReal(raw) : 0d;
                return new FieldDefault(null, null, value, false, value == 0d && !IsNegativeZero(value), GoFormat.Float64(value));
            }

            case FieldType.Enum:
            {
                enums.TryGetValue(field.TypeName.TrimStart('.'), out var enumProto);
                if (enumProto is null || enumProto.Value.Count == 0)
                {
                    return new FieldDefault(null, 0, null, false, true, "0");
                }

                var chosen = enumProto.Value[0];
                if (has)
                {
                    foreach (var value in enumProto.Value)
                    {
                        if (value.Name == raw)
                        {
                            chosen = value;
                            break;
                        }
                    }
                }

                return new FieldDefault(null, chosen.Number, null, false, chosen.Number == 0, enumProto.Name + "." + chosen.Name);
            }

            default:
            {
                decimal value = 0;
                if (has)
                {
                    decimal.TryParse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
                }

                return new FieldDefault(null, value, null, false, value == 0, value.ToString(CultureInfo.InvariantCulture));
            }
        }
    }

    /// <summary>buf's defaultsEqual: text with text; float32/float64 compared as float32; otherwise as numbers.</summary>
    public static bool AreEqual(FieldDefault previous, FieldDefault current)
    {
        if (previous.Text is not null || current.Text is not null)
        {
            return previous.Text is not null && current.Text is not null && string.Equals(previous.Text, current.Text, StringComparison.Ordinal);
        }

        if (previous.Real.HasValue && current.Real.HasValue)
        {
            var a = previous.Real.Value;
            var b = current.Real.Value;
            if (double.IsNaN(a) || double.IsNaN(b))
            {
                return double.IsNaN(a) && double.IsNaN(b);
            }

            if (previous.IsFloat32 != current.IsFloat32)
            {
                return (float)a == (float)b;
            }

            return a == b;
        }

        if (previous.Real.HasValue || current.Real.HasValue)
        {
            var real = previous.Real ?? current.Real!.Value;
            var integer = previous.Integer ?? current.Integer ?? 0;
            return !double.IsNaN(real) && !double.IsInfinity(real) && (decimal)real == integer;
        }

        return previous.Integer == current.Integer;
    }

    private static bool IsNegativeZero(double value) => value == 0d && double.IsNegativeInfinity(1d / value);

    private static double ParseReal(string raw)
    {
        switch (raw)
        {
            case "inf":
                return double.PositiveInfinity;
            case "-inf":
                return double.NegativeInfinity;
            case "nan":
            case "-nan":
                return double.NaN;
            default:
                return double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : 0d;
        }
    }

    /// <summary>Undoes the C escaping protoc applies to bytes defaults.</summary>
    private static byte[] Unescape(string text)
    {
        var result = new List<byte>(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c != '\\' || i + 1 >= text.Length)
            {
                result.Add((byte)c);
                continue;
            }

            var next = text[++i];
            switch (next)
            {
                case 'n': result.Add((byte)'\n'); break;
                case 'r': result.Add((byte)'\r'); break;
                case 't': result.Add((byte)'\t'); break;
                case 'a': result.Add(7); break;
                case 'b': result.Add(8); break;
                case 'f': result.Add(12); break;
                case 'v': result.Add(11); break;
                case 'x':
                {
                    var value = 0;
                    var count = 0;
                    while (count < 2 && i + 1 < text.Length && Uri.IsHexDigit(text[i + 1]))
                    {
                        value = (value * 16) + Convert.ToInt32(text[++i].ToString(), 16);
                        count++;
                    }

                    result.Add((byte)value);
                    break;
                }

                default:
                    if (next >= '0' && next <= '7')
                    {
                        var value = next - '0';
                        var count = 1;
                        while (count < 3 && i + 1 < text.Length && text[i + 1] >= '0' && text[i + 1] <= '7')
                        {
                            value = (value * 8) + (text[++i] - '0');
                            count++;
                        }

                        result.Add((byte)value);
                    }
                    else
                    {
                        result.Add((byte)next);
                    }

                    break;
            }
        }

        return result.ToArray();
    }
}
