using System;
using System.Collections.Generic;
using System.Globalization;

namespace Contrail.Schema.Protoc;

/// <summary>
/// One message protoc printed on standard error, e.g. <c>acme/orders.proto:12:5: "Foo" is not defined.</c>
/// </summary>
/// <param name="Path">The file as protoc names it (relative to its include path), or the text before the first colon.</param>
/// <param name="Line">The 1-based line, or 0 when protoc gave none.</param>
/// <param name="Column">The 1-based column, or 0 when protoc gave none.</param>
/// <param name="Message">The message without its location.</param>
/// <param name="IsWarning">Whether protoc marked it as a warning (the compilation still succeeds).</param>
public sealed record ProtocDiagnostic(string Path, int Line, int Column, string Message, bool IsWarning)
{
    /// <summary>The diagnostic in protoc's own <c>path:line:column: message</c> shape.</summary>
    public override string ToString()
        => Line > 0
            ? string.Format(CultureInfo.InvariantCulture, "{0}:{1}:{2}: {3}{4}", Path, Line, Column, IsWarning ? "warning: " : string.Empty, Message)
            : string.Format(CultureInfo.InvariantCulture, "{0}: {1}{2}", Path, IsWarning ? "warning: " : string.Empty, Message);

    /// <summary>
    /// Parses protoc's standard error into records. Lines of the shape <c>path:line:col: message</c> or
    /// <c>path: message</c> become records; a line that is neither (a continuation) is appended to the
    /// previous record's message so nothing protoc said is lost.
    /// </summary>
    public static IReadOnlyList<ProtocDiagnostic> Parse(string standardError)
    {
        var result = new List<ProtocDiagnostic>();
        if (string.IsNullOrEmpty(standardError))
        {
            return result;
        }

        foreach (var rawLine in standardError.Split('\n'))
        {
            var line = rawLine.TrimEnd('\r');
            if (line.Trim().Length == 0)
            {
                continue;
            }

            var parsed = ParseLine(line);
            if (parsed is not null)
            {
                result.Add(parsed);
            }
            else if (result.Count > 0)
            {
                var last = result[result.Count - 1];
                result[result.Count - 1] = last with { Message = last.Message + " " + line.Trim() };
            }
            else
            {
                result.Add(new ProtocDiagnostic(string.Empty, 0, 0, line.Trim(), false));
            }
        }

        return result;
    }

    private static ProtocDiagnostic? ParseLine(string line)
    {
        // Windows paths carry a drive colon ("C:\x.proto:3:4: ..."), so the path ends at the first
        // ":<digits>:<digits>:" or, failing that, at the first ": ".
        for (var i = 0; i < line.Length; i++)
        {
            if (line[i] != ':')
            {
                continue;
            }

            if (TryReadNumber(line, i + 1, out var lineNumber, out var afterLine)
                && afterLine < line.Length && line[afterLine] == ':'
                && TryReadNumber(line, afterLine + 1, out var column, out var afterColumn)
                && afterColumn < line.Length && line[afterColumn] == ':')
            {
                return Create(line.Substring(0, i), lineNumber, column, line.Substring(afterColumn + 1));
            }
        }

        var colonSpace = line.IndexOf(": ", StringComparison.Ordinal);
        if (colonSpace > 0 && line.Substring(0, colonSpace).IndexOf(' ') < 0)
        {
            return Create(line.Substring(0, colonSpace), 0, 0, line.Substring(colonSpace + 1));
        }

        return null;
    }

    private static ProtocDiagnostic Create(string path, int line, int column, string rest)
    {
        var message = rest.Trim();
        var isWarning = message.StartsWith("warning:", StringComparison.OrdinalIgnoreCase);
        if (isWarning)
        {
            message = message.Substring("warning:".Length).Trim();
        }

        return new ProtocDiagnostic(path, line, column, message, isWarning);
    }

    private static bool TryReadNumber(string text, int start, out int value, out int end)
    {
        value = 0;
        end = start;
        while (end < text.Length && text[end] >= '0' && text[end] <= '9' && end - start < 9)
        {
            value = (value * 10) + (text[end] - '0');
            end++;
        }

        return end > start;
    }
}
