using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace Contrail.Cli.Errors;

/// <summary>
/// Writes a catalog as a Markdown heading and one table (GitHub-flavored), with '\n' line ends.
/// </summary>
internal static class MarkdownCatalogWriter
{
    /// <summary>The heading line.</summary>
    public const string Heading = "# gRPC error catalog";

    /// <summary>What the message cell says when the message is the exception's own, at run time.</summary>
    public const string ExceptionMessage = "(exception message)";

    /// <summary>Writes the catalog.</summary>
    /// <param name="entries">The merged, sorted errors.</param>
    /// <returns>The Markdown text, ending with a line end.</returns>
    public static string Write(IReadOnlyList<ErrorCatalogEntry> entries)
    {
        var builder = new StringBuilder();
        builder.Append(Heading).Append("\n\n");
        builder.Append("| Domain | Reason | Code | HTTP | Metadata keys | Message | Source |\n");
        builder.Append("|---|---|---|---|---|---|---|\n");
        foreach (var entry in entries)
        {
            AppendRow(
                builder,
                Text(entry.Domain),
                Text(entry.Reason),
                Text(entry.Code) + " (" + entry.CodeValue.ToString(CultureInfo.InvariantCulture) + ")",
                entry.HttpStatus.ToString(CultureInfo.InvariantCulture),
                string.Join(", ", entry.MetadataKeys.Select(CodeSpan)),
                entry.Message is null ? ExceptionMessage : CodeSpan(entry.Message),
                entry.Source is null ? string.Empty : Text(entry.Source));
        }

        return builder.ToString();
    }

    private static void AppendRow(StringBuilder builder, params string[] cells)
    {
        builder.Append('|');
        foreach (var cell in cells)
        {
            builder.Append(' ').Append(cell).Append(" |");
        }

        builder.Append('\n');
    }

    /// <summary>Plain cell text: on one line, with the table's column separator escaped.</summary>
    private static string Text(string value) => OneLine(value).Replace("|", "\\|");

    /// <summary>
    /// A code span: fenced with one more backtick than the longest run inside it, padded with a space
    /// where the content would otherwise merge with the fence. Inside a table, GitHub-flavored Markdown
    /// still needs <c>\|</c> for a literal pipe, and shows it as <c>|</c>.
    /// </summary>
    private static string CodeSpan(string value)
    {
        var content = Text(value);
        if (content.Length == 0)
        {
            return string.Empty;
        }

        var longestRun = 0;
        var run = 0;
        foreach (var c in content)
        {
            run = c == '`' ? run + 1 : 0;
            longestRun = run > longestRun ? run : longestRun;
        }

        var fence = new string('`', longestRun + 1);
        var pad = content[0] == '`' || content[content.Length - 1] == '`'
            || (content[0] == ' ' && content[content.Length - 1] == ' ' && content.Trim().Length > 0);
        return pad ? fence + " " + content + " " + fence : fence + content + fence;
    }

    private static string OneLine(string value) =>
        value.Replace("\r\n", " ").Replace('\r', ' ').Replace('\n', ' ');
}
