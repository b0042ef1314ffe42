using System;
using System.Collections.Generic;
using static Contrail.Schema.Breaking.FieldFacts;
using static Contrail.Schema.Breaking.GoFormat;
using FieldType = Google.Protobuf.Reflection.FieldDescriptorProto.Types.Type;

namespace Contrail.Schema.Breaking;

/// <summary>The rules on fields and extensions: cardinality, type, name, JSON name, default, oneof and per-language string options.</summary>
internal static class FieldRules
{
    private const string WireRules = " See https://developers.google.com/protocol-buffers/docs/proto3#updating for wire compatibility rules.";

    private const string WireJsonRules = " See https://developers.google.com/protocol-buffers/docs/proto3#updating for wire compatibility rules and https://developers.google.com/protocol-buffers/docs/proto3#json for JSON compatibility rules.";

    public static void FieldSameCardinality(FieldPair pair, RuleFindings findings)
        => CompareCardinality(pair, findings, (cardinality, previous) => cardinality != previous);

    public static void FieldWireCompatibleCardinality(FieldPair pair, RuleFindings findings)
        => CompareCardinality(pair, findings, (cardinality, previous) => WireCardinalityGroup(cardinality) != WireCardinalityGroup(previous));

    public static void FieldWireJsonCompatibleCardinality(FieldPair pair, RuleFindings findings)
        => CompareCardinality(pair, findings, (cardinality, previous) => WireJsonCardinalityGroup(cardinality) != WireJsonCardinalityGroup(previous));

    public static void FieldSameCppStringType(FieldPair pair, RuleFindings findings)
    {
        var (field, previous) = (pair.Current, pair.Previous);
        if (pair.BothMapEntries || !IsStringOrBytes(pair.Kind) || !IsStringOrBytes(pair.PreviousKind))
        {
            return;
        }

        var (previousType, previousPiece) = CppStringType(previous);
        var (type, piece) = CppStringType(field);
        if ((previousType != type || previousPiece != piece) && !(previousPiece && type == 3))
        {
            findings.Add(
                FindingSite.FirstPresent(field.File, FindingSite.Below(field.Path, 8, 1), FindingSite.Below(field.Path, 8, 21, 1000, 2), field.Path),
                FindingSite.FirstPresent(previous.File, FindingSite.Below(previous.Path, 8, 1), FindingSite.Below(previous.Path, 8, 21, 1000, 2), previous.Path),
                $"{Description(field)} changed C++ string type from {Quote(CppStringTypeName(previousType, previousPiece))} to {Quote(CppStringTypeName(type, piece))}.");
        }
    }

    public static void FieldSameJavaUtf8Validation(FieldPair pair, RuleFindings findings)
    {
        var (field, previous) = (pair.Current, pair.Previous);
        if (pair.Kind != FieldType.String || pair.PreviousKind != FieldType.String)
        {
            return;
        }

        var previousValidation = JavaUtf8Validation(previous);
        var validation = JavaUtf8Validation(field);
        if (previousValidation != validation)
        {
            // The first candidate is the file option java_string_check_utf8.
            findings.Add(
                FindingSite.FirstPresent(field.File, new[] { 8, 27 }, FindingSite.Below(field.Path, 8, 21, 1001, 2), field.Path),
                FindingSite.FirstPresent(previous.File, new[] { 8, 27 }, FindingSite.Below(previous.Path, 8, 21, 1001, 2), previous.Path),
                $"{Description(field)} changed Java string UTF8 validation from {Quote(Utf8Name(previousValidation))} to {Quote(Utf8Name(validation))}.");
        }
    }

    public static void FieldSameJstype(FieldPair pair, RuleFindings findings)
    {
        var (field, previous) = (pair.Current, pair.Previous);
        if (!Is64BitInteger(field.Proto.Type) || !Is64BitInteger(previous.Proto.Type))
        {
            return;
        }

        var previousJsType = JsTypeName(previous.Proto.Options);
        var jsType = JsTypeName(field.Proto.Options);
        if (previousJsType != jsType)
        {
            findings.Add(
                FindingSite.FirstPresent(field.File, FindingSite.Below(field.Path, 8, 6), field.Path),
                FindingSite.FirstPresent(previous.File, FindingSite.Below(previous.Path, 8, 6), previous.Path),
                $"{Description(field)} changed option \"jstype\" from {Quote(previousJsType)} to {Quote(jsType)}.");
        }
    }

    public static void FieldSameType(FieldPair pair, RuleFindings findings)
    {
        if (pair.PreviousKind != pair.Kind)
        {
            AddChangedType(pair, findings, string.Empty);
        }
        else if (IsNamedType(pair.Kind) && pair.Previous.TypeName != pair.Current.TypeName)
        {
            AddChangedTypeName(pair, findings);
        }
    }

    public static void FieldWireCompatibleType(FieldPair pair, RuleFindings findings)
    {
        var (field, previous, kind, previousKind) = (pair.Current, pair.Previous, pair.Kind, pair.PreviousKind);
        if (WireGroup(previousKind) != WireGroup(kind))
        {
            if (previousKind == FieldType.String && kind == FieldType.Bytes)
            {
                return;
            }

            var extra = previousKind == FieldType.Bytes && kind == FieldType.String
                ? WireRules + " Note that while string and bytes are compatible if the data is valid UTF-8, there is no way to enforce that a bytes field is UTF-8, so these fields may be incompatible."
                : WireRules;
            AddChangedType(pair, findings, extra);
            return;
        }

        if (field.Proto.Type == FieldType.Enum && previous.TypeName != field.TypeName)
        {
            CheckEnumWireCompatible(pair, findings);
        }
        else if ((field.Proto.Type == FieldType.Message || field.Proto.Type == FieldType.Group) && previous.TypeName != field.TypeName)
        {
            AddChangedTypeName(pair, findings);
        }
    }

    public static void FieldWireJsonCompatibleType(FieldPair pair, RuleFindings findings)
    {
        var (field, previous, kind) = (pair.Current, pair.Previous, pair.Kind);
        if (WireJsonGroup(pair.PreviousKind) != WireJsonGroup(kind))
        {
            AddChangedType(pair, findings, WireJsonRules);
        }
        else if (kind == FieldType.Enum && previous.TypeName != field.TypeName)
        {
            CheckEnumWireCompatible(pair, findings);
        }
        else if ((kind == FieldType.Message || kind == FieldType.Group) && previous.TypeName != field.TypeName)
        {
            AddChangedTypeName(pair, findings);
        }
    }

    public static void FieldSameUtf8Validation(FieldPair pair, RuleFindings findings)
    {
        var (field, previous) = (pair.Current, pair.Previous);
        if (pair.Kind == FieldType.String && pair.PreviousKind == FieldType.String && previous.Features.Utf8Validation != field.Features.Utf8Validation)
        {
            findings.Add(
                FindingSite.FirstPresent(field.File, FindingSite.Below(field.Path, 8, 21, 4), field.Path),
                FindingSite.FirstPresent(previous.File, FindingSite.Below(previous.Path, 8, 21, 4), previous.Path),
                $"{Description(field)} changed UTF8 validation from {Utf8Name(previous.Features.Utf8Validation)} to {Utf8Name(field.Features.Utf8Validation)}.");
        }
    }

    public static void FieldSameJsonName(FieldPair pair, RuleFindings findings)
    {
        var (field, previous) = (pair.Current, pair.Previous);
        if (!previous.IsExtension && previous.Proto.JsonName != field.Proto.JsonName)
        {
            findings.Add(
                FindingSite.FirstPresent(field.File, FindingSite.Below(field.Path, 10), field.Path),
                FindingSite.FirstPresent(previous.File, FindingSite.Below(previous.Path, 10), previous.Path),
                $"{Description(field)} changed option \"json_name\" from {Quote(previous.Proto.JsonName)} to {Quote(field.Proto.JsonName)}.");
        }
    }

    public static void FieldSameName(FieldPair pair, RuleFindings findings)
    {
        var (field, previous) = (pair.Current, pair.Previous);
        var previousName = previous.IsExtension ? previous.FullName : previous.Proto.Name;
        var name = previous.IsExtension ? field.FullName : field.Proto.Name;
        if (previousName != name)
        {
            findings.Add(FindingSite.Of(field, 1), FindingSite.Of(previous, 1), $"{Description(field, withName: false)} changed name from {Quote(previousName)} to {Quote(name)}.");
        }
    }

    public static void FieldSameDefault(FieldPair pair, RuleFindings findings)
    {
        var (field, previous, kind, previousKind) = (pair.Current, pair.Previous, pair.Kind, pair.PreviousKind);

        // Without explicit defaults both sides are their type's zero (enums excepted: theirs is the first value),
        // which buf never reports; skipping them keeps large schemas cheap.
        var defaultsMayDiffer = field.Proto.HasDefaultValue || previous.Proto.HasDefaultValue || kind == FieldType.Enum || previousKind == FieldType.Enum;
        if (!defaultsMayDiffer || !CanHaveDefault(field, kind) || !CanHaveDefault(previous, previousKind))
        {
            return;
        }

        var previousDefault = Default(previous, previousKind, pair.PreviousEnums);
        var currentDefault = Default(field, kind, pair.CurrentEnums);
        if (!(previousDefault.IsZero && currentDefault.IsZero) && !FieldDefault.AreEqual(previousDefault, currentDefault))
        {
            findings.Add(
                FindingSite.FirstPresent(field.File, FindingSite.Below(field.Path, 7), field.Path),
                FindingSite.FirstPresent(previous.File, FindingSite.Below(previous.Path, 7), previous.Path),
                $"{Description(field)} changed default value from {previousDefault.Printable} to {currentDefault.Printable}.");
        }
    }

    public static void FieldSameOneof(FieldPair pair, RuleFindings findings)
    {
        var (field, previous) = (pair.Current, pair.Previous);
        if (previous.IsExtension)
        {
            return;
        }

        var previousOneof = OneofName(previous);
        var oneof = OneofName(field);
        if (previousOneof is not null && oneof is not null)
        {
            if (previousOneof != oneof)
            {
                // buf's format string reads "%sq moved from oneof", so its message carries a stray "q".
                findings.Add(FindingSite.Of(field), FindingSite.Of(previous), $"{Description(field)}q moved from oneof {Quote(previousOneof)} to oneof {Quote(oneof)}.");
            }
        }
        else if (previousOneof is not null || oneof is not null)
        {
            var inside = oneof is not null;
            findings.Add(FindingSite.Of(field), FindingSite.Of(previous), $"{Description(field)} moved from {(inside ? "outside" : "inside")} to {(inside ? "inside" : "outside")} a oneof.");
        }
    }

    /// <summary>The three cardinality rules: one message, each with its own notion of a breaking difference.</summary>
    private static void CompareCardinality(FieldPair pair, RuleFindings findings, Func<Cardinality, Cardinality, bool> breaks)
    {
        if (pair.BothMapEntries)
        {
            return;
        }

        var cardinality = CardinalityOf(pair.Current, pair.Kind);
        var previousCardinality = CardinalityOf(pair.Previous, pair.PreviousKind);
        if (cardinality != previousCardinality && breaks(cardinality, previousCardinality))
        {
            findings.Add(
                FindingSite.Of(pair.Current),
                FindingSite.Of(pair.Previous),
                $"{Description(pair.Current)} changed cardinality from {Quote(CardinalityName(previousCardinality))} to {Quote(CardinalityName(cardinality))}.");
        }
    }

    private static void CheckEnumWireCompatible(FieldPair pair, RuleFindings findings)
    {
        // buf accepts a renamed enum type when the enum keeps its short name and every old value.
        if (!pair.PreviousEnums.TryGetValue(pair.Previous.TypeName, out var previousEnum)
            || !pair.CurrentEnums.TryGetValue(pair.Current.TypeName, out var enumProto)
            || previousEnum.Name != enumProto.Name)
        {
            AddChangedTypeName(pair, findings);
            return;
        }

        var values = new HashSet<(string, int)>();
        foreach (var value in enumProto.Value)
        {
            values.Add((value.Name, value.Number));
        }

        foreach (var value in previousEnum.Value)
        {
            if (!values.Contains((value.Name, value.Number)))
            {
                AddChangedTypeName(pair, findings);
                return;
            }
        }
    }

    private static void AddChangedType(FieldPair pair, RuleFindings findings, string extra)
    {
        var (field, previous, kind, previousKind) = (pair.Current, pair.Previous, pair.Kind, pair.PreviousKind);
        findings.Add(
            FindingSite.Of(field, IsNamedType(kind) ? 6 : 5),
            FindingSite.Of(previous, IsNamedType(previousKind) ? 6 : 5),
            $"{Description(field)} changed type from {Quote(KindPrettyName(previous, previousKind))} to {Quote(KindPrettyName(field, kind))}.{extra}");
    }

    private static void AddChangedTypeName(FieldPair pair, RuleFindings findings)
        => findings.Add(
            FindingSite.Of(pair.Current, 6),
            FindingSite.Of(pair.Previous, 6),
            $"{Description(pair.Current)} changed type from {Quote(pair.Previous.TypeName)} to {Quote(pair.Current.TypeName)}.");
}
