using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace Contrail.Schema.Breaking;

/// <summary>Inclusive tag ranges: collapsing, finding the part of an old range a new set no longer covers, and buf's printing.</summary>
internal static class TagRanges
{
    public static List<(int Start, int End)> Collapse(List<(int Start, int End)> ranges)
    {
        var sorted = new List<(int Start, int End)>(ranges);
        sorted.Sort((x, y) => x.Start != y.Start ? x.Start.CompareTo(y.Start) : x.End.CompareTo(y.End));
        var result = new List<(int Start, int End)>(sorted.Count);
        foreach (var range in sorted)
        {
            if (result.Count > 0 && (long)range.Start <= (long)result[result.Count - 1].End + 1)
            {
                var last = result[result.Count - 1];
                if (range.End > last.End)
                {
                    result[result.Count - 1] = (last.Start, range.End);
                }

                continue;
            }

            result.Add(range);
        }

        return result;
    }

    public static List<(int Start, int End)> FindMissing(int start, int end, List<(int Start, int End)> collapsed)
    {
        var missing = new List<(int Start, int End)>();
        long cursor = start;
        foreach (var range in collapsed)
        {
            if (range.End < cursor)
            {
                continue;
            }

            if (range.Start > end)
            {
                break;
            }

            if (range.Start > cursor)
            {
                missing.Add(((int)cursor, range.Start - 1));
            }

            cursor = (long)range.End + 1;
            if (cursor > end)
            {
                break;
            }
        }

        if (cursor <= end)
        {
            missing.Add(((int)cursor, end));
        }

        return missing;
    }

    public static string RangeString(int start, int end, int maxTag)
    {
        if (start == end)
        {
            return "[" + start.ToString(CultureInfo.InvariantCulture) + "]";
        }

        return end == maxTag
            ? "[" + start.ToString(CultureInfo.InvariantCulture) + ",max]"
            : "[" + start.ToString(CultureInfo.InvariantCulture) + "," + end.ToString(CultureInfo.InvariantCulture) + "]";
    }

    public static string MissingString(List<(int Start, int End)> missing, int maxTag)
    {
        var builder = new StringBuilder();
        foreach (var range in missing)
        {
            if (builder.Length > 0)
            {
                builder.Append(", ");
            }

            builder.Append(RangeString(range.Start, range.End, maxTag));
        }

        return builder.ToString();
    }
}
