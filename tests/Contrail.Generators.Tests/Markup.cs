using System.Collections.Generic;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis.Text;

namespace Contrail.Generators.Tests;

/// <summary>
/// Reads diagnostic markup, <c>{|CTR0002:text|}</c>, out of test source: the source without the
/// markers, and the ID and span each marker expects.
/// </summary>
internal static class Markup
{
    private static readonly Regex s_open = new(@"\{\|(?<id>CTR\d{4}):", RegexOptions.Compiled);

    public static (string Source, List<(string Id, TextSpan Span)> Expected) Parse(string markup)
    {
        var source = new StringBuilder();
        var expected = new List<(string, TextSpan)>();
        var open = new Stack<(string Id, int Start)>();
        var i = 0;
        while (i < markup.Length)
        {
            var match = s_open.Match(markup, i);
            var close = markup.IndexOf("|}", i, System.StringComparison.Ordinal);
            if (match.Success && (close < 0 || match.Index < close))
            {
                source.Append(markup, i, match.Index - i);
                open.Push((match.Groups["id"].Value, source.Length));
                i = match.Index + match.Length;
            }
            else if (close >= 0 && open.Count > 0)
            {
                source.Append(markup, i, close - i);
                var (id, start) = open.Pop();
                expected.Add((id, TextSpan.FromBounds(start, source.Length)));
                i = close + 2;
            }
            else
            {
                source.Append(markup, i, markup.Length - i);
                break;
            }
        }

        return (source.ToString(), expected);
    }
}
