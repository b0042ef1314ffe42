using System;
using System.Collections.Generic;
using System.Globalization;
using Google.Protobuf.Reflection;
using FieldType = Google.Protobuf.Reflection.FieldDescriptorProto.Types.Type;

namespace Contrail.Schema.Breaking;

/// <summary>The field rules: fields paired by message full name and number, extensions by extendee and number.</summary>
internal sealed partial class BreakingRun
{
    private enum Cardinality
    {
        OptionalExplicit = 1,
        OptionalImplicit,
        Required,
        Repeated,
        Map,
    }

    private void CheckFields()
    {
        foreach (var previousMessage in against.MessageList)
        {
            if (!current.MessagesByFullName.TryGetValue(previousMessage.FullName, out var message))
            {
                continue;
            }

            foreach (var previousField in previousMessage.Fields)
            {
                if (message.FieldsByNumber.TryGetValue(previousField.Number, out var field)
                    && ReferenceEquals(previousMessage.FieldsByNumber[previousField.Number], previousField))
                {
                    CheckFieldPair(field, previousField);
                }
            }
        }

        foreach (var pair in against.ExtensionsByExtendee)
        {
            if (!current.ExtensionsByExtendee.TryGetValue(pair.Key, out var byNumber))
            {
                continue;
            }

            foreach (var previousPair in pair.Value)
            {
                if (byNumber.TryGetValue(previousPair.Key, out var field))
                {
                    CheckFieldPair(field, previousPair.Value);
                }
            }
        }
    }

    private void CheckFieldPair(FieldNode field, FieldNode previous)
    {
        var kind = Kind(field);
        var previousKind = Kind(previous);
        var file = field.File;
        var bothMapEntries = IsMapEntryField(field) && IsMapEntryField(previous);

        if (!bothMapEntries && (On("FIELD_SAME_CARDINALITY") || On("FIELD_WIRE_COMPATIBLE_CARDINALITY") || On("FIELD_WIRE_JSON_COMPATIBLE_CARDINALITY")))
        {
            var cardinality = GetCardinality(field, kind);
            var previousCardinality = GetCardinality(previous, previousKind);
            if (cardinality != previousCardinality)
            {
                var message = $"{FieldDescription(field)} changed cardinality from {Quote(CardinalityName(previousCardinality))} to {Quote(CardinalityName(cardinality))}.";
                if (On("FIELD_SAME_CARDINALITY"))
                {
                    Add("FIELD_SAME_CARDINALITY", file.Path, file, field.Path, previous.File, previous.Path, message);
                }

                if (On("FIELD_WIRE_COMPATIBLE_CARDINALITY") && WireCardinalityGroup(cardinality) != WireCardinalityGroup(previousCardinality))
                {
                    Add("FIELD_WIRE_COMPATIBLE_CARDINALITY", file.Path, file, field.Path, previous.File, previous.Path, message);
                }

                if (On("FIELD_WIRE_JSON_COMPATIBLE_CARDINALITY") && WireJsonCardinalityGroup(cardinality) != WireJsonCardinalityGroup(previousCardinality))
                {
                    Add("FIELD_WIRE_JSON_COMPATIBLE_CARDINALITY", file.Path, file, field.Path, previous.File, previous.Path, message);
                }
            }
        }

        if (On("FIELD_SAME_CPP_STRING_TYPE") && !bothMapEntries && IsStringOrBytes(kind) && IsStringOrBytes(previousKind))
        {
            var (previousType, previousPiece) = CppStringType(previous);
            var (type, piece) = CppStringType(field);
            if ((previousType != type || previousPiece != piece) && !(previousPiece && type == 3))
            {
                Add(
                    "FIELD_SAME_CPP_STRING_TYPE",
                    file.Path,
                    file,
                    FirstPresent(file, Sub(field.Path, 8, 1), Sub(field.Path, 8, 21, 1000, 2), field.Path),
                    previous.File,
                    FirstPresent(previous.File, Sub(previous.Path, 8, 1), Sub(previous.Path, 8, 21, 1000, 2), previous.Path),
                    $"{FieldDescription(field)} changed C++ string type from {Quote(CppStringTypeName(previousType, previousPiece))} to {Quote(CppStringTypeName(type, piece))}.");
            }
        }

        if (On("FIELD_SAME_JAVA_UTF8_VALIDATION") && kind == FieldType.String && previousKind == FieldType.String)
        {
            var previousValidation = JavaUtf8Validation(previous);
            var validation = JavaUtf8Validation(field);
            if (previousValidation != validation)
            {
                Add(
                    "FIELD_SAME_JAVA_UTF8_VALIDATION",
                    file.Path,
                    file,
                    FirstPresent(file, new[] { 8, 27 }, Sub(field.Path, 8, 21, 1001, 2), field.Path),
                    previous.File,
                    FirstPresent(previous.File, new[] { 8, 27 }, Sub(previous.Path, 8, 21, 1001, 2), previous.Path),
                    $"{FieldDescription(field)} changed Java string UTF8 validation from {Quote(Utf8Name(previousValidation))} to {Quote(Utf8Name(validation))}.");
            }
        }

        if (On("FIELD_SAME_JSTYPE") && Is64BitInteger(field.Proto.Type) && Is64BitInteger(previous.Proto.Type))
        {
            var previousJsType = JsTypeName(previous.Proto.Options);
            var jsType = JsTypeName(field.Proto.Options);
            if (previousJsType != jsType)
            {
                Add(
                    "FIELD_SAME_JSTYPE",
                    file.Path,
                    file,
                    FirstPresent(file, Sub(field.Path, 8, 6), field.Path),
                    previous.File,
                    FirstPresent(previous.File, Sub(previous.Path, 8, 6), previous.Path),
                    $"{FieldDescription(field)} changed option \"jstype\" from {Quote(previousJsType)} to {Quote(jsType)}.");
            }
        }

        if (On("FIELD_SAME_TYPE"))
        {
            if (previousKind != kind)
            {
                AddChangedType("FIELD_SAME_TYPE", field, kind, previous, previousKind, string.Empty);
            }
            else if (IsNamedType(kind) && previous.TypeName != field.TypeName)
            {
                AddChangedTypeName("FIELD_SAME_TYPE", field, previous);
            }
        }

        if (On("FIELD_WIRE_COMPATIBLE_TYPE"))
        {
            CheckWireCompatibleType(field, kind, previous, previousKind);
        }

        if (On("FIELD_WIRE_JSON_COMPATIBLE_TYPE"))
        {
            if (WireJsonGroup(previousKind) != WireJsonGroup(kind))
            {
                AddChangedType("FIELD_WIRE_JSON_COMPATIBLE_TYPE", field, kind, previous, previousKind, " See https://developers.google.com/protocol-buffers/docs/proto3#updating for wire compatibility rules and https://developers.google.com/protocol-buffers/docs/proto3#json for JSON compatibility rules.");
            }
            else if (kind == FieldType.Enum && previous.TypeName != field.TypeName)
            {
                CheckEnumWireCompatible("FIELD_WIRE_JSON_COMPATIBLE_TYPE", field, previous);
            }
            else if ((kind == FieldType.Message || kind == FieldType.Group) && previous.TypeName != field.TypeName)
            {
                AddChangedTypeName("FIELD_WIRE_JSON_COMPATIBLE_TYPE", field, previous);
            }
        }

        if (On("FIELD_SAME_UTF8_VALIDATION") && kind == FieldType.String && previousKind == FieldType.String
            && previous.Features.Utf8Validation != field.Features.Utf8Validation)
        {
            Add(
                "FIELD_SAME_UTF8_VALIDATION",
                file.Path,
                file,
                FirstPresent(file, Sub(field.Path, 8, 21, 4), field.Path),
                previous.File,
                FirstPresent(previous.File, Sub(previous.Path, 8, 21, 4), previous.Path),
                $"{FieldDescription(field)} changed UTF8 validation from {Utf8Name(previous.Features.Utf8Validation)} to {Utf8Name(field.Features.Utf8Validation)}.");
        }

        if (On("FIELD_SAME_JSON_NAME") && !previous.IsExtension && previous.Proto.JsonName != field.Proto.JsonName)
        {
            Add(
                "FIELD_SAME_JSON_NAME",
                file.Path,
                file,
                FirstPresent(file, Sub(field.Path, 10), field.Path),
                previous.File,
                FirstPresent(previous.File, Sub(previous.Path, 10), previous.Path),
                $"{FieldDescription(field)} changed option \"json_name\" from {Quote(previous.Proto.JsonName)} to {Quote(field.Proto.JsonName)}.");
        }

        if (On("FIELD_SAME_NAME"))
        {
            var previousName = previous.IsExtension ? previous.FullName : previous.Proto.Name;
            var name = previous.IsExtension ? field.FullName : field.Proto.Name;
            if (previousName != name)
            {
                Add("FIELD_SAME_NAME", file.Path, file, Sub(field.Path, 1), previous.File, Sub(previous.Path, 1), $"{FieldDescription(field, withName: false)} changed name from {Quote(previousName)} to {Quote(name)}.");
            }
        }

        // Without explicit defaults both sides are their type's zero (enums excepted: theirs is the first value),
        // which buf never reports; skipping them keeps large schemas cheap.
        var defaultsMayDiffer = field.Proto.HasDefaultValue || previous.Proto.HasDefaultValue || kind == FieldType.Enum || previousKind == FieldType.Enum;
        if (On("FIELD_SAME_DEFAULT") && defaultsMayDiffer && CanHaveDefault(field, kind) && CanHaveDefault(previous, previousKind))
        {
            var previousDefault = GetDefault(previous, previousKind, againstAllEnums);
            var currentDefault = GetDefault(field, kind, currentAllEnums);
            if (!(previousDefault.IsZero && currentDefault.IsZero) && !FieldDefault.AreEqual(previousDefault, currentDefault))
            {
                Add(
                    "FIELD_SAME_DEFAULT",
                    file.Path,
                    file,
                    FirstPresent(file, Sub(field.Path, 7), field.Path),
                    previous.File,
                    FirstPresent(previous.File, Sub(previous.Path, 7), previous.Path),
                    $"{FieldDescription(field)} changed default value from {previousDefault.Printable} to {currentDefault.Printable}.");
            }
        }

        if (On("FIELD_SAME_ONEOF") && !previous.IsExtension)
        {
            var previousOneof = OneofName(previous);
            var oneof = OneofName(field);
            if (previousOneof is not null && oneof is not null)
            {
                if (previousOneof != oneof)
                {
                    // buf's format string reads "%sq moved from oneof", so its message carries a stray "q".
                    Add("FIELD_SAME_ONEOF", file.Path, file, field.Path, previous.File, previous.Path, $"{FieldDescription(field)}q moved from oneof {Quote(previousOneof)} to oneof {Quote(oneof)}.");
                }
            }
            else if (previousOneof is not null || oneof is not null)
            {
                var inside = oneof is not null;
                Add("FIELD_SAME_ONEOF", file.Path, file, field.Path, previous.File, previous.Path, $"{FieldDescription(field)} moved from {(inside ? "outside" : "inside")} to {(inside ? "inside" : "outside")} a oneof.");
            }
        }
    }

    private void CheckWireCompatibleType(FieldNode field, FieldType kind, FieldNode previous, FieldType previousKind)
    {
        const string WireRules = " See https://developers.google.com/protocol-buffers/docs/proto3#updating for wire compatibility rules.";
        if (WireGroup(previousKind) != WireGroup(kind))
        {
            if (previousKind == FieldType.String && kind == FieldType.Bytes)
            {
                return;
            }

            var extra = previousKind == FieldType.Bytes && kind == FieldType.String
                ? WireRules + " Note that while string and bytes are compatible if the data is valid UTF-8, there is no way to enforce that a bytes field is UTF-8, so these fields may be incompatible."
                : WireRules;
            AddChangedType("FIELD_WIRE_COMPATIBLE_TYPE", field, kind, previous, previousKind, extra);
            return;
        }

        if (field.Proto.Type == FieldType.Enum && previous.TypeName != field.TypeName)
        {
            CheckEnumWireCompatible("FIELD_WIRE_COMPATIBLE_TYPE", field, previous);
        }
        else if ((field.Proto.Type == FieldType.Message || field.Proto.Type == FieldType.Group) && previous.TypeName != field.TypeName)
        {
            AddChangedTypeName("FIELD_WIRE_COMPATIBLE_TYPE", field, previous);
        }
    }

    private void CheckEnumWireCompatible(string ruleId, FieldNode field, FieldNode previous)
    {
        // buf accepts a renamed enum type when the enum keeps its short name and every old value.
        if (!againstAllEnums.TryGetValue(previous.TypeName, out var previousEnum)
            || !currentAllEnums.TryGetValue(field.TypeName, out var enumProto)
            || previousEnum.Name != enumProto.Name)
        {
            AddChangedTypeName(ruleId, field, previous);
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
                AddChangedTypeName(ruleId, field, previous);
                return;
            }
        }
    }

    private void AddChangedType(string ruleId, FieldNode field, FieldType kind, FieldNode previous, FieldType previousKind, string extra)
    {
        var path = IsNamedType(kind) ? Sub(field.Path, 6) : Sub(field.Path, 5);
        var previousPath = IsNamedType(previousKind) ? Sub(previous.Path, 6) : Sub(previous.Path, 5);
        Add(ruleId, field.File.Path, field.File, path, previous.File, previousPath, $"{FieldDescription(field)} changed type from {Quote(KindPrettyName(previous, previousKind))} to {Quote(KindPrettyName(field, kind))}.{extra}");
    }

    private void AddChangedTypeName(string ruleId, FieldNode field, FieldNode previous)
        => Add(ruleId, field.File.Path, field.File, Sub(field.Path, 6), previous.File, Sub(previous.Path, 6), $"{FieldDescription(field)} changed type from {Quote(previous.TypeName)} to {Quote(field.TypeName)}.");

    // ---------------------------------------------------------------- field facts

    /// <summary>The field's kind as protobuf-go resolves it: a message with delimited encoding (editions) is a group.</summary>
    private static FieldType Kind(FieldNode field)
    {
        var type = field.Proto.Type;
        if (type == FieldType.Message && field.File.Syntax == FileSyntax.Editions && field.Features.MessageEncoding == 2 && !IsMapField(field))
        {
            return FieldType.Group;
        }

        return type;
    }

    private static bool IsNamedType(FieldType kind) => kind is FieldType.Message or FieldType.Enum or FieldType.Group;

    private static bool IsStringOrBytes(FieldType kind) => kind is FieldType.String or FieldType.Bytes;

    private static bool IsMapEntryField(FieldNode field) => !field.IsExtension && field.Message is not null && field.Message.IsMapEntry;

    private static bool IsMapField(FieldNode field)
    {
        if (field.Proto.Label != FieldDescriptorProto.Types.Label.Repeated || field.Proto.Type != FieldType.Message || field.IsExtension || field.Message is null)
        {
            return false;
        }

        // A map entry is always nested in the message that declares the map field.
        var typeName = field.TypeName;
        var prefix = field.Message.FullName + ".";
        if (!typeName.StartsWith(prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var entryName = typeName.Substring(prefix.Length);
        foreach (var nested in field.Message.Proto.NestedType)
        {
            if (nested.Name == entryName)
            {
                return nested.Options?.MapEntry == true;
            }
        }

        return false;
    }

    private static Cardinality GetCardinality(FieldNode field, FieldType kind)
    {
        if (field.Proto.Label == FieldDescriptorProto.Types.Label.Repeated)
        {
            return IsMapField(field) ? Cardinality.Map : Cardinality.Repeated;
        }

        if (field.Proto.Label == FieldDescriptorProto.Types.Label.Required || (field.File.Syntax == FileSyntax.Editions && field.Features.FieldPresence == 3))
        {
            return Cardinality.Required;
        }

        var hasPresence = field.IsExtension
            || kind == FieldType.Message
            || kind == FieldType.Group
            || field.Proto.HasOneofIndex
            || field.Proto.Proto3Optional
            || (field.File.Syntax == FileSyntax.Proto2)
            || (field.File.Syntax == FileSyntax.Editions && field.Features.FieldPresence != 2);
        return hasPresence ? Cardinality.OptionalExplicit : Cardinality.OptionalImplicit;
    }

    private static string CardinalityName(Cardinality cardinality) => cardinality switch
    {
        Cardinality.OptionalExplicit => "optional with explicit presence",
        Cardinality.OptionalImplicit => "optional with implicit presence",
        Cardinality.Required => "required",
        Cardinality.Repeated => "repeated",
        _ => "map",
    };

    private static int WireCardinalityGroup(Cardinality cardinality) => cardinality switch
    {
        Cardinality.OptionalExplicit or Cardinality.OptionalImplicit => 1,
        Cardinality.Required => 2,
        _ => 3,
    };

    private static int WireJsonCardinalityGroup(Cardinality cardinality) => cardinality switch
    {
        Cardinality.OptionalExplicit or Cardinality.OptionalImplicit => 1,
        Cardinality.Required => 2,
        Cardinality.Repeated => 3,
        _ => 4,
    };

    private static int WireGroup(FieldType kind) => kind switch
    {
        FieldType.Int32 or FieldType.Int64 or FieldType.Uint32 or FieldType.Uint64 or FieldType.Bool => 1,
        FieldType.Sint32 or FieldType.Sint64 => 2,
        FieldType.String => 3,
        FieldType.Bytes => 4,
        FieldType.Fixed32 or FieldType.Sfixed32 => 5,
        FieldType.Fixed64 or FieldType.Sfixed64 => 6,
        FieldType.Double => 7,
        FieldType.Float => 8,
        FieldType.Group => 9,
        FieldType.Message => 10,
        _ => 11,
    };

    private static int WireJsonGroup(FieldType kind) => kind switch
    {
        FieldType.Int32 or FieldType.Uint32 => 1,
        FieldType.Int64 or FieldType.Uint64 => 2,
        FieldType.Fixed32 or FieldType.Sfixed32 => 3,
        FieldType.Fixed64 or FieldType.Sfixed64 => 4,
        FieldType.Bool => 5,
        FieldType.Sint32 => 6,
        FieldType.Sint64 => 7,
        FieldType.String => 8,
        FieldType.Bytes => 9,
        FieldType.Double => 10,
        FieldType.Float => 11,
        FieldType.Group => 12,
        FieldType.Message => 13,
        _ => 14,
    };

    private static string KindName(FieldType kind) => kind switch
    {
        FieldType.Double => "double",
        FieldType.Float => "float",
        FieldType.Int64 => "int64",
        FieldType.Uint64 => "uint64",
        FieldType.Int32 => "int32",
        FieldType.Fixed64 => "fixed64",
        FieldType.Fixed32 => "fixed32",
        FieldType.Bool => "bool",
        FieldType.String => "string",
        FieldType.Group => "group",
        FieldType.Message => "message",
        FieldType.Bytes => "bytes",
        FieldType.Uint32 => "uint32",
        FieldType.Enum => "enum",
        FieldType.Sfixed32 => "sfixed32",
        FieldType.Sfixed64 => "sfixed64",
        FieldType.Sint32 => "sint32",
        FieldType.Sint64 => "sint64",
        _ => kind.ToString().ToLowerInvariant(),
    };

    private static string KindPrettyName(FieldNode field, FieldType kind)
        => kind == FieldType.Group && field.File.Syntax != FileSyntax.Proto2 ? "message (delimited encoding)" : KindName(kind);

    private static bool Is64BitInteger(FieldType type) => type is FieldType.Int64 or FieldType.Sint64 or FieldType.Uint64 or FieldType.Fixed64 or FieldType.Sfixed64;

    private static string JsTypeName(FieldOptions? options) => options?.Jstype switch
    {
        FieldOptions.Types.JSType.JsString => "JS_STRING",
        FieldOptions.Types.JSType.JsNumber => "JS_NUMBER",
        _ => "JS_NORMAL",
    };

    private static string Utf8Name(int value) => value switch
    {
        2 => "VERIFY",
        3 => "NONE",
        _ => "UTF8_VALIDATION_UNKNOWN",
    };

    /// <summary>(string_type, is STRING_PIECE) as buf's fieldCppStringType reads them: ctype first (before edition 2024), then (pb.cpp).string_type.</summary>
    private static (int Type, bool Piece) CppStringType(FieldNode field)
    {
        var options = field.Proto.Options;
        if (field.File.Edition < 1001 && options is not null && options.HasCtype)
        {
            switch (options.Ctype)
            {
                case FieldOptions.Types.CType.Cord:
                    return (2, false);
                case FieldOptions.Types.CType.StringPiece:
                    return (3, true);
                default:
                    return (3, false);
            }
        }

        return (field.Features.CppStringType, false);
    }

    private static string CppStringTypeName(int type, bool piece)
        => piece ? "STRING_PIECE" : type switch
        {
            1 => "VIEW",
            2 => "CORD",
            3 => "STRING",
            _ => "TYPE_UNKNOWN",
        };

    private static int JavaUtf8Validation(FieldNode field)
    {
        var defaultValue = field.Features.Utf8Validation;
        var options = field.File.Proto.Options;
        if (field.File.Syntax != FileSyntax.Editions || (options is not null && options.HasJavaStringCheckUtf8))
        {
            return options is not null && options.JavaStringCheckUtf8 ? 2 : defaultValue;
        }

        return field.Features.JavaUtf8Validation == 2 ? 2 : defaultValue;
    }

    private static string? OneofName(FieldNode field)
    {
        if (!field.Proto.HasOneofIndex || field.Message is null || field.IsExtension || field.Proto.Proto3Optional)
        {
            return null;
        }

        var decls = field.Message.Proto.OneofDecl;
        return field.Proto.OneofIndex < decls.Count ? decls[field.Proto.OneofIndex].Name : null;
    }

    private static bool CanHaveDefault(FieldNode field, FieldType kind)
        => field.Proto.Label != FieldDescriptorProto.Types.Label.Repeated && kind != FieldType.Message && kind != FieldType.Group;

    private static FieldDefault GetDefault(FieldNode field, FieldType kind, Dictionary<string, EnumDescriptorProto> enums)
        => FieldDefault.Create(field.Proto, kind, enums);

    /// <summary>buf's field description: <c>Field "1" with name "id" on message "Order"</c> (extensions by full name).</summary>
    private static string FieldDescription(FieldNode field, bool withName = true)
    {
        var number = field.Number.ToString(CultureInfo.InvariantCulture);
        var name = withName ? " with name " + Quote(field.IsExtension ? field.FullName : field.Proto.Name) : string.Empty;
        return field.IsExtension
            ? $"Extension {Quote(number)}{name} on message {Quote(field.Extendee)}"
            : $"Field {Quote(number)}{name} on message {Quote(field.Message!.Name)}";
    }
}
