using System;
using System.Collections.Generic;
using static Contrail.Schema.Breaking.GoFormat;

namespace Contrail.Schema.Breaking;

/// <summary>
/// What the range rules of messages and enums share: the part of each baseline tag range (extension or reserved)
/// the current element no longer covers, and the reserved names it dropped.
/// </summary>
internal static class DeletedReservations
{
    public static void ReportMissingRanges(
        RuleFindings findings,
        string rangeKind,
        string elementKind,
        string elementName,
        int maxTag,
        int previousMaxTag,
        FindingSite at,
        FindingSite was,
        List<(int Start, int End)> previousRanges,
        List<(int Start, int End)> ranges)
    {
        if (previousRanges.Count == 0)
        {
            return;
        }

        var collapsed = TagRanges.Collapse(ranges);
        foreach (var previousRange in previousRanges)
        {
            var missing = TagRanges.FindMissing(previousRange.Start, previousRange.End, collapsed);
            if (missing.Count == 0)
            {
                continue;
            }

            var previousString = TagRanges.RangeString(previousRange.Start, previousRange.End, previousMaxTag);
            var removed = TagRanges.MissingString(missing, maxTag);
            findings.Add(at, was, $"Previously present {rangeKind} range {Quote(previousString)} on {elementKind} {Quote(elementName)} is missing values: {removed} were removed.");
        }
    }

    public static void ReportMissingNames(RuleFindings findings, string elementKind, string elementName, FindingSite at, FindingSite was, IEnumerable<string> previousNames, IEnumerable<string> names)
    {
        var current = new HashSet<string>(names, StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in previousNames)
        {
            if (seen.Add(name) && !current.Contains(name))
            {
                findings.Add(at, was, $"Previously present reserved name {Quote(name)} on {elementKind} {Quote(elementName)} was deleted.");
            }
        }
    }
}
