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

    /// <summary>Text for an XML doc comment, with <c>&amp;</c>, <c>&lt;</c> and <c>&gt;</c> escaped.</summary>
    public static string XmlDoc(string text) =>
        text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
}
