using System;
using System.Collections.Generic;
using System.Globalization;
using Google.Protobuf.Reflection;
using FieldType = Google.Protobuf.Reflection.FieldDescriptorProto.Types.Type;

namespace Contrail.Schema.Breaking;

/// <summary>A field's cardinality as buf compares it (protobuf-go's cardinality with presence split out, maps apart).</summary>
internal enum Cardinality
{
    OptionalExplicit = 1,
    OptionalImplicit,
    Required,
    Repeated,
    Map,
}

/// <summary>What the field rules read from a field, and buf's names for it: kind, cardinality, string types, defaults, description.</summary>
internal static class FieldFacts
{

    /// <summary>The field's kind as protobuf-go resolves it: a message with delimited encoding (editions) is a group.</summary>
    public static FieldType Kind(FieldNode field)
    {
        var type = field.Proto.Type;
        if (type == FieldType.Message && field.File.Syntax == FileSyntax.Editions && field.Features.MessageEncoding == 2 && !IsMapField(field))
        {
            return FieldType.Group;
        }

        return type;
    }

    public static bool IsNamedType(FieldType kind) => kind is FieldType.Message or FieldType.Enum or FieldType.Group;

    public static bool IsStringOrBytes(FieldType kind) => kind is FieldType.String or FieldType.Bytes;

    public static bool IsMapEntryField(FieldNode field) => !field.IsExtension && field.Message is not null && field.Message.IsMapEntry;

    public static bool IsMapField(FieldNode field)
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

    public static Cardinality CardinalityOf(FieldNode field, FieldType kind)
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

    public static string CardinalityName(Cardinality cardinality) => cardinality switch
    {
        Cardinality.OptionalExplicit => "optional with explicit presence",
        Cardinality.OptionalImplicit => "optional with implicit presence",
        Cardinality.Required => "required",
        Cardinality.Repeated => "repeated",
        _ => "map",
    };

    public static int WireCardinalityGroup(Cardinality cardinality) => cardinality switch
    {
        Cardinality.OptionalExplicit or Cardinality.OptionalImplicit => 1,
        Cardinality.Required => 2,
        _ => 3,
    };

    public static int WireJsonCardinalityGroup(Cardinality cardinality) => cardinality switch
    {
        Cardinality.OptionalExplicit or Cardinality.OptionalImplicit => 1,
        Cardinality.Required => 2,
        Cardinality.Repeated => 3,
        _ => 4,
    };

    public static int WireGroup(FieldType kind) => kind switch
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

    public static int WireJsonGroup(FieldType kind) => kind switch
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

    public static string KindName(FieldType kind) => kind switch
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

    public static string KindPrettyName(FieldNode field, FieldType kind)
        => kind == FieldType.Group && field.File.Syntax != FileSyntax.Proto2 ? "message (delimited encoding)" : KindName(kind);

    public static bool Is64BitInteger(FieldType type) => type is FieldType.Int64 or FieldType.Sint64 or FieldType.Uint64 or FieldType.Fixed64 or FieldType.Sfixed64;

    public static string JsTypeName(FieldOptions? options) => options?.Jstype switch
    {
        FieldOptions.Types.JSType.JsString => "JS_STRING",
        FieldOptions.Types.JSType.JsNumber => "JS_NUMBER",
        _ => "JS_NORMAL",
    };

    public static string Utf8Name(int value) => value switch
    {
        2 => "VERIFY",
        3 => "NONE",
        _ => "UTF8_VALIDATION_UNKNOWN",
    };

    /// <summary>(string_type, is STRING_PIECE) as buf's fieldCppStringType reads them: ctype first (before edition 2024), then (pb.cpp).string_type.</summary>
    public static (int Type, bool Piece) CppStringType(FieldNode field)
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

    public static string CppStringTypeName(int type, bool piece)
        => piece ? "STRING_PIECE" : type switch
        {
            1 => "VIEW",
            2 => "CORD",
            3 => "STRING",
            _ => "TYPE_UNKNOWN",
        };

    public static int JavaUtf8Validation(FieldNode field)
    {
        var defaultValue = field.Features.Utf8Validation;
        var options = field.File.Proto.Options;
        if (field.File.Syntax != FileSyntax.Editions || (options is not null && options.HasJavaStringCheckUtf8))
        {
            return options is not null && options.JavaStringCheckUtf8 ? 2 : defaultValue;
        }

        return field.Features.JavaUtf8Validation == 2 ? 2 : defaultValue;
    }

    public static string? OneofName(FieldNode field)
    {
        if (!field.Proto.HasOneofIndex || field.Message is null || field.IsExtension || field.Proto.Proto3Optional)
        {
            return null;
        }

        var decls = field.Message.Proto.OneofDecl;
        return field.Proto.OneofIndex < decls.Count ? decls[field.Proto.OneofIndex].Name : null;
    }

    public static bool CanHaveDefault(FieldNode field, FieldType kind)
        => field.Proto.Label != FieldDescriptorProto.Types.Label.Repeated && kind != FieldType.Message && kind != FieldType.Group;

    public static FieldDefault Default(FieldNode field, FieldType kind, Dictionary<string, EnumDescriptorProto> enums)
        => FieldDefault.Create(field.Proto, kind, enums);

    /// <summary>buf's field description: <c>Field "1" with name "id" on message "Order"</c> (extensions by full name).</summary>
    public static string Description(FieldNode field, bool withName = true)
    {
        var number = field.Number.ToString(CultureInfo.InvariantCulture);
        var name = withName ? " with name " + GoFormat.Quote(field.IsExtension ? field.FullName : field.Proto.Name) : string.Empty;
        return field.IsExtension
            ? $"Extension {GoFormat.Quote(number)}{name} on message {GoFormat.Quote(field.Extendee)}"
            : $"Field {GoFormat.Quote(number)}{name} on message {GoFormat.Quote(field.Message!.Name)}";
    }
}
