using Microsoft.CodeAnalysis.CSharp;

namespace Contrail.Generators.Common;

/// <summary>
/// The C# text every emitter writes from user-supplied names and strings: identifiers, string
/// literals and XML doc text, written one way for every feature.
/// </summary>
internal static class CSharpText
{
    /// <summary>The identifier as C# code names it: <c>@</c>-prefixed when it is a keyword.</summary>
    public static string Identifier(string identifier) =>
        SyntaxFacts.GetKeywordKind(identifier) != SyntaxKind.None ? "@" + identifier : identifier;

    /// <summary>The C# string literal of <paramref name="value"/>, or <c>null</c> for a null value.</summary>
    public static string Literal(string? value) =>
        value is null ? "null" : SymbolDisplay.FormatLiteral(value, quote: true);

    /// <summary>
    /// Text for a one-line XML doc comment: <c>&amp;</c>, <c>&lt;</c> and <c>&gt;</c> escaped, and every
    /// line terminator C# knows (CR, LF, NEL, U+2028, U+2029) and every character XML forbids (other
    /// control characters, U+FFFE, U+FFFF) a space, so the text can neither end the comment nor break it.
    /// </summary>
    public static string XmlDoc(string text)
    {
        var escaped = text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
        var chars = escaped.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if ((chars[i] < ' ' && chars[i] != '\t') || chars[i] is '\u0085' or '\u2028' or '\u2029' or '\uFFFE' or '\uFFFF')
            {
                chars[i] = ' ';
            }
        }

        return new string(chars);
    }
}
