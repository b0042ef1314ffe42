using System.Globalization;
using System.Text;

namespace Contrail.Generators.Common;

/// <summary>
/// JSON string literals for the catalogs and manifests the generators embed in assembly attributes,
/// where the CLI reads them back. Written by hand because netstandard2.0 has no JSON writer.
/// </summary>
internal static class JsonText
{
    /// <summary>The JSON string literal of <paramref name="value"/>, or <c>null</c> for a null value.</summary>
    public static string Quote(string? value)
    {
        if (value is null)
        {
            return "null";
        }

        var builder = new StringBuilder("\"");
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                default:
                    if (c < ' ')
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

        return builder.Append('"').ToString();
    }
}
