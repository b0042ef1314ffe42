using System;
using System.Collections.Generic;
using System.Globalization;
using Google.Protobuf.Reflection;
using static Contrail.Schema.Breaking.GoFormat;

namespace Contrail.Schema.Breaking;

/// <summary>The rules on messages: deleted fields, oneofs and ranges, required fields, and message options.</summary>
internal static class MessageRules
{
    public static void ExtensionMessageNoDelete(MessagePair pair, RuleFindings findings)
    {
        var (message, previous) = pair;
        DeletedReservations.ReportMissingRanges(
            findings, "extension", "message", message.Name, MessageMax(message), MessageMax(previous), FindingSite.Of(message), FindingSite.Of(previous),
            InclusiveRanges(previous.Proto.ExtensionRange), InclusiveRanges(message.Proto.ExtensionRange));
    }

    public static void FieldNoDelete(MessagePair pair, RuleFindings findings)
    {
        foreach (var previousField in DeletedFields(pair))
        {
            findings.Add(FindingSite.Of(pair.Current), FindingSite.Of(pair.Previous), $"Previously present {DeletedFieldDescription(previousField)} was deleted.");
        }
    }

    public static void FieldNoDeleteUnlessNumberReserved(MessagePair pair, RuleFindings findings)
    {
        foreach (var previousField in DeletedFields(pair))
        {
            if (!NumberReserved(previousField.Number, pair.Current.Proto))
            {
                findings.Add(
                    FindingSite.Of(pair.Current),
                    FindingSite.Of(pair.Previous),
                    $"Previously present {DeletedFieldDescription(previousField)} was deleted without reserving the number \"{previousField.Number.ToString(CultureInfo.InvariantCulture)}\".");
            }
        }
    }

    public static void FieldNoDeleteUnlessNameReserved(MessagePair pair, RuleFindings findings)
    {
        foreach (var previousField in DeletedFields(pair))
        {
            if (!pair.Current.Proto.ReservedName.Contains(previousField.Proto.Name))
            {
                findings.Add(
                    FindingSite.Of(pair.Current),
                    FindingSite.Of(pair.Previous),
                    $"Previously present {DeletedFieldDescription(previousField)} was deleted without reserving the name {Quote(previousField.Proto.Name)}.");
            }
        }
    }

    public static void MessageNoRemoveStandardDescriptorAccessor(MessagePair pair, RuleFindings findings)
    {
        var (message, previous) = pair;
        if (previous.Proto.Options?.NoStandardDescriptorAccessor != true && message.Proto.Options?.NoStandardDescriptorAccessor == true)
        {
            findings.Add(FindingSite.Of(message, 7, 2), FindingSite.Of(previous, 7, 2), "Message option \"no_standard_descriptor_accessor\" changed from \"false\" to \"true\".");
        }
    }

    public static void OneofNoDelete(MessagePair pair, RuleFindings findings)
    {
        var (message, previous) = pair;
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var oneof in message.Proto.OneofDecl)
        {
            names.Add(oneof.Name);
        }

        for (var i = 0; i < previous.Proto.OneofDecl.Count; i++)
        {
            var name = previous.Proto.OneofDecl[i].Name;
            if (!names.Contains(name) && !IsSyntheticOneof(previous, i))
            {
                findings.Add(FindingSite.Of(message), FindingSite.Of(previous), $"Previously present oneof {Quote(name)} on message {Quote(message.Name)} was deleted.");
            }
        }
    }

    public static void MessageSameJsonFormat(MessagePair pair, RuleFindings findings)
    {
        var (message, previous) = pair;
        if (previous.Features.JsonFormat == 1 && message.Features.JsonFormat != 1)
        {
            findings.Add(
                FindingSite.FirstPresent(message.File, FindingSite.Below(message.Path, 7, 12, 6), message.Path),
                FindingSite.FirstPresent(previous.File, FindingSite.Below(previous.Path, 7, 12, 6), previous.Path),
                $"Message {Quote(message.Name)} JSON format support changed from {JsonFormatName(previous.Features.JsonFormat)} to {JsonFormatName(message.Features.JsonFormat)}.");
        }
    }

    public static void MessageSameRequiredFields(MessagePair pair, RuleFindings findings)
    {
        var (message, previous) = pair;
        foreach (var previousField in previous.Fields)
        {
            if (IsRequired(previousField) && !(message.FieldsByNumber.TryGetValue(previousField.Number, out var field) && IsRequired(field)))
            {
                findings.Add(
                    FindingSite.Of(message),
                    FindingSite.Of(previous),
                    $"Message {Quote(previous.Name)} had required field \"{previousField.Number.ToString(CultureInfo.InvariantCulture)}\" deleted. Required fields must always be sent, so if one side does not know about the required field, this will result in a breakage.");
            }
        }

        foreach (var field in message.Fields)
        {
            if (IsRequired(field) && !(previous.FieldsByNumber.TryGetValue(field.Number, out var previousField) && IsRequired(previousField)))
            {
                findings.Add(
                    FindingSite.Of(field),
                    FindingSite.None,
                    $"Message {Quote(message.Name)} had required field \"{field.Number.ToString(CultureInfo.InvariantCulture)}\" added. Required fields must always be sent, so if one side does not know about the required field, this will result in a breakage.");
            }
        }
    }

    public static void ReservedMessageNoDelete(MessagePair pair, RuleFindings findings)
    {
        var (message, previous) = pair;
        DeletedReservations.ReportMissingRanges(
            findings, "reserved", "message", message.Name, MessageMax(message), MessageMax(previous), FindingSite.Of(message), FindingSite.Of(previous),
            InclusiveRanges(previous.Proto.ReservedRange), InclusiveRanges(message.Proto.ReservedRange));
        DeletedReservations.ReportMissingNames(findings, "message", message.Name, FindingSite.Of(message), FindingSite.Of(previous), previous.Proto.ReservedName, message.Proto.ReservedName);
    }

    /// <summary>JSON format feature values as buf prints them (shared with the enum rule).</summary>
    public static string JsonFormatName(int value) => value switch
    {
        1 => "ALLOW",
        2 => "LEGACY_BEST_EFFORT",
        _ => "JSON_FORMAT_UNKNOWN",
    };

    /// <summary>The baseline's fields whose number the current message no longer has.</summary>
    private static IEnumerable<FieldNode> DeletedFields(MessagePair pair)
    {
        foreach (var previousField in pair.Previous.Fields)
        {
            if (!pair.Current.FieldsByNumber.ContainsKey(previousField.Number))
            {
                yield return previousField;
            }
        }
    }

    private static string DeletedFieldDescription(FieldNode previousField)
    {
        var description = FieldFacts.Description(previousField);
        return char.ToLowerInvariant(description[0]) + description.Substring(1);
    }

    private static bool IsRequired(FieldNode field) => field.Proto.Label == FieldDescriptorProto.Types.Label.Required;

    private static List<(int Start, int End)> InclusiveRanges(IList<DescriptorProto.Types.ExtensionRange> ranges)
    {
        // Message ranges are end-exclusive in descriptors; TagRanges works on inclusive ones.
        var result = new List<(int Start, int End)>(ranges.Count);
        foreach (var range in ranges)
        {
            result.Add((range.Start, range.End - 1));
        }

        return result;
    }

    private static List<(int Start, int End)> InclusiveRanges(IList<DescriptorProto.Types.ReservedRange> ranges)
    {
        var result = new List<(int Start, int End)>(ranges.Count);
        foreach (var range in ranges)
        {
            result.Add((range.Start, range.End - 1));
        }

        return result;
    }

    private static int MessageMax(MessageNode message) => message.MessageSetWireFormat ? 2147483646 : 536870911;

    private static bool NumberReserved(int number, DescriptorProto message)
    {
        foreach (var range in message.ReservedRange)
        {
            if (number >= range.Start && number < range.End)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsSyntheticOneof(MessageNode message, int oneofIndex)
    {
        // A proto3 "optional" field sits alone in a synthetic oneof protoc generates.
        foreach (var field in message.Proto.Field)
        {
            if (field.HasOneofIndex && field.OneofIndex == oneofIndex && field.Proto3Optional)
            {
                return true;
            }
        }

        return false;
    }
}
