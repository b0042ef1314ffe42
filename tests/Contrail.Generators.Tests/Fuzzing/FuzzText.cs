using Microsoft.CodeAnalysis.CSharp;

namespace Contrail.Generators.Tests.Fuzzing;

/// <summary>C# text the declaration writers share: literals and the misused strings every string argument may get.</summary>
internal static class FuzzText
{
    /// <summary>
    /// Strings no argument should hold: empty, white space, line breaks (including U+2028, which C# also
    /// ends a line at), non-ASCII, very long, keywords, quotes and backslashes, comment and XML
    /// delimiters, a NUL, and the <c>null</c> and <c>default</c> constants.
    /// </summary>
    public static readonly string[] MisusedStrings =
    {
        Literal(string.Empty),
        Literal(" "),
        Literal("\t"),
        Literal("line\nbreak"),
        Literal("carriage\rreturn"),
        Literal("line\u2028separator"),
        Literal("acme.ünïcödé"),
        Literal("名前.計測"),
        Literal("acme.\U0001F600"),
        Literal(new string('a', 300)),
        Literal("class"),
        Literal("acme.\"quoted\""),
        Literal(@"acme\path"),
        Literal("*/ /* //"),
        Literal("</summary><c>"),
        Literal("{0}"),
        Literal("a\0b"),
        Literal("acme..double"),
        Literal(".leading"),
        Literal("UPPER.Case"),
        "null",
        "default",
        "\"acme.\" + \"concatenated\"",
    };

    /// <summary>The C# literal of a string.</summary>
    public static string Literal(string value) => SymbolDisplay.FormatLiteral(value, quote: true);
}
