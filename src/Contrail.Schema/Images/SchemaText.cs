using System.Globalization;
using System.Text;

namespace Contrail.Schema.Images;

/// <summary>Puts names read from untrusted images into one-line messages.</summary>
internal static class SchemaText
{
    /// <summary>
    /// The name in single quotes, with control characters escaped (<c>\n</c>, <c>\u0000</c>), so that a
    /// corrupt or hostile file name cannot break a message over lines or into the terminal.
    /// </summary>
    public static string Quote(string name)
    {
        var builder = new StringBuilder(name.Length + 2).Append('\'');
        foreach (var c in name)
        {
            switch (c)
            {
                case '\n':
                    builder.Append("\\n");
                    break;
                case '\r':
                    builder.Append("\\r");
                    break;
                case '\t':
                    builder.Append("\\t");
                    break;
                default:
                    if (char.IsControl(c) || c == '\u2028' || c == '\u2029')
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

        return builder.Append('\'').ToString();
    }
}
