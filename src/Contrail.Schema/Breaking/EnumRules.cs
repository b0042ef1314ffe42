using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Google.Protobuf.Reflection;
using static Contrail.Schema.Breaking.GoFormat;

namespace Contrail.Schema.Breaking;

/// <summary>The rules on enums: open or closed, JSON format, values (paired by number), reserved ranges and names.</summary>
internal static class EnumRules
{
    public static void EnumSameType(EnumPair pair, RuleFindings findings)
    {
        var (enumNode, previous) = pair;
        var previousClosed = previous.Features.EnumType == 2;
        var closed = enumNode.Features.EnumType == 2;
        if (previousClosed != closed)
        {
            findings.Add(
                FindingSite.FirstPresent(enumNode.File, FindingSite.Below(enumNode.Path, 3, 7, 2), enumNode.Path),
                FindingSite.FirstPresent(previous.File, FindingSite.Below(previous.Path, 3, 7, 2), previous.Path),
                $"Enum {Quote(enumNode.Name)} changed from {(previousClosed ? "closed" : "open")} to {(closed ? "closed" : "open")}.");
        }
    }

    public static void EnumSameJsonFormat(EnumPair pair, RuleFindings findings)
    {
        var (enumNode, previous) = pair;
        if (previous.Features.JsonFormat == 1 && enumNode.Features.JsonFormat != 1)
        {
            findings.Add(
                FindingSite.FirstPresent(enumNode.File, FindingSite.Below(enumNode.Path, 3, 7, 6), enumNode.Path),
                FindingSite.FirstPresent(previous.File, FindingSite.Below(previous.Path, 3, 7, 6), previous.Path),
                $"Enum {Quote(enumNode.Name)} JSON format support changed from {MessageRules.JsonFormatName(previous.Features.JsonFormat)} to {MessageRules.JsonFormatName(enumNode.Features.JsonFormat)}.");
        }
    }

    public static void EnumValueNoDelete(EnumPair pair, RuleFindings findings)
    {
        foreach (var number in DeletedNumbers(pair))
        {
            findings.Add(
                FindingSite.Of(pair.Current),
                FindingSite.Of(pair.Previous),
                $"Previously present enum value \"{Number(number)}\" on enum {Quote(pair.Current.Name)} was deleted.");
        }
    }

    public static void EnumValueNoDeleteUnlessNumberReserved(EnumPair pair, RuleFindings findings)
    {
        foreach (var number in DeletedNumbers(pair))
        {
            if (!NumberReserved(number, pair.Current.Proto))
            {
                findings.Add(
                    FindingSite.Of(pair.Current),
                    FindingSite.Of(pair.Previous),
                    $"Previously present enum value \"{Number(number)}\" on enum {Quote(pair.Current.Name)} was deleted without reserving the number \"{Number(number)}\".");
            }
        }
    }

    public static void EnumValueNoDeleteUnlessNameReserved(EnumPair pair, RuleFindings findings)
    {
        var (enumNode, previous) = pair;
        foreach (var number in DeletedNumbers(pair))
        {
            var previousNames = previous.ValuesByNumber[number];
            var allReserved = true;
            foreach (var name in previousNames.Keys)
            {
                if (!enumNode.Proto.ReservedName.Contains(name))
                {
                    allReserved = false;
                    break;
                }
            }

            if (!allReserved)
            {
                var suffix = previousNames.Count > 1 ? "s" : string.Empty;
                findings.Add(
                    FindingSite.Of(enumNode),
                    FindingSite.Of(previous),
                    $"Previously present enum value \"{Number(number)}\" on enum {Quote(enumNode.Name)} was deleted without reserving the name{suffix} {JoinQuoted(previousNames.Keys)}.");
            }
        }
    }

    public static void EnumValueSameName(EnumPair pair, RuleFindings findings)
    {
        var (enumNode, previous) = pair;
        foreach (var number in previous.NumbersInOrder)
        {
            if (!enumNode.ValuesByNumber.TryGetValue(number, out var names))
            {
                continue;
            }

            var previousNames = previous.ValuesByNumber[number];
            var contained = true;
            foreach (var name in previousNames.Keys)
            {
                if (!names.ContainsKey(name))
                {
                    contained = false;
                    break;
                }
            }

            if (contained)
            {
                continue;
            }

            // One finding per current value with the number; each points at that value's name.
            var suffix = previousNames.Count > 1 && names.Count > 1 ? "s" : string.Empty;
            var message = $"Enum value \"{Number(number)}\" on enum {Quote(enumNode.Name)} changed name{suffix} from {JoinQuoted(previousNames.Keys)} to {JoinQuoted(names.Keys)}.";
            foreach (var value in names)
            {
                var was = previousNames.TryGetValue(value.Key, out var previousIndex) ? FindingSite.Of(previous, 2, previousIndex, 2) : FindingSite.None;
                findings.Add(FindingSite.Of(enumNode, 2, value.Value, 2), was, message);
            }
        }
    }

    public static void ReservedEnumNoDelete(EnumPair pair, RuleFindings findings)
    {
        var (enumNode, previous) = pair;
        DeletedReservations.ReportMissingRanges(
            findings, "reserved", "enum", enumNode.Name, int.MaxValue, int.MaxValue, FindingSite.Of(enumNode), FindingSite.Of(previous),
            Ranges(previous.Proto.ReservedRange), Ranges(enumNode.Proto.ReservedRange));
        DeletedReservations.ReportMissingNames(findings, "enum", enumNode.Name, FindingSite.Of(enumNode), FindingSite.Of(previous), previous.Proto.ReservedName, enumNode.Proto.ReservedName);
    }

    /// <summary>The baseline's value numbers, in declaration order, that no current value has.</summary>
    private static IEnumerable<int> DeletedNumbers(EnumPair pair)
    {
        foreach (var number in pair.Previous.NumbersInOrder)
        {
            if (!pair.Current.ValuesByNumber.ContainsKey(number))
            {
                yield return number;
            }
        }
    }

    private static string Number(int number) => number.ToString(CultureInfo.InvariantCulture);

    private static List<(int Start, int End)> Ranges(IList<EnumDescriptorProto.Types.EnumReservedRange> ranges)
    {
        // Enum reserved ranges are inclusive already.
        var result = new List<(int Start, int End)>(ranges.Count);
        foreach (var range in ranges)
        {
            result.Add((range.Start, range.End));
        }

        return result;
    }

    private static bool NumberReserved(int number, EnumDescriptorProto enumProto)
    {
        foreach (var range in enumProto.ReservedRange)
        {
            if (number >= range.Start && number <= range.End)
            {
                return true;
            }
        }

        return false;
    }

    private static string JoinQuoted(IEnumerable<string> values)
    {
        var builder = new StringBuilder();
        foreach (var value in values)
        {
            if (builder.Length > 0)
            {
                builder.Append(", ");
            }

            builder.Append(Quote(value));
        }

        return builder.ToString();
    }
}
