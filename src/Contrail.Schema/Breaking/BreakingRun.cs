using System;
using System.Collections.Generic;
using System.Globalization;
using Google.Protobuf.Reflection;

namespace Contrail.Schema.Breaking;

/// <summary>
/// One comparison: applies every selected rule to the indexed images and collects findings with buf's
/// messages and locations. Each rule is a method named after it; pairing (by file path, by full name,
/// by field number) follows buf's rule handlers.
/// </summary>
internal sealed partial class BreakingRun
{
    private readonly SchemaIndex current;
    private readonly SchemaIndex against;
    private readonly ISet<string> selected;
    private readonly Dictionary<string, EnumDescriptorProto> currentAllEnums;
    private readonly Dictionary<string, EnumDescriptorProto> againstAllEnums;

    public BreakingRun(SchemaIndex current, SchemaIndex against, SchemaImage currentImage, SchemaImage againstImage, ISet<string> selected)
    {
        this.current = current;
        this.against = against;
        this.selected = selected;
        currentAllEnums = AllEnums(currentImage);
        againstAllEnums = AllEnums(againstImage);
    }

    public List<BreakingFinding> Findings { get; } = new();

    public void Execute()
    {
        CheckFiles();
        CheckMessages();
        CheckFields();
        CheckEnums();
        CheckServices();
        CheckPackages();
    }

    private bool On(string ruleId) => selected.Contains(ruleId);

    // ---------------------------------------------------------------- findings and locations

    /// <summary>Adds a finding located at <paramref name="path"/> in <paramref name="file"/> (file start when null, as buf does).</summary>
    private void Add(string ruleId, string filePath, FileNode? file, int[]? path, FileNode? againstFile, int[]? againstPath, string message)
    {
        var location = file is null ? null : file.Location(path);
        SourcePosition position;
        if (location is not null)
        {
            position = ToPosition(filePath, location);
        }
        else if (file is not null && file.Proto.SourceCodeInfo is null)
        {
            // An image built without source info has no positions at all: say "unknown" rather than line 1.
            position = new SourcePosition(filePath, 0, 0, 0, 0);
        }
        else
        {
            // buf places an element without a span of its own (a deleted one, an option that was removed) at the file's start.
            position = new SourcePosition(filePath, 1, 1, 1, 1);
        }

        SourcePosition? baseline = null;
        if (againstFile is not null && againstPath is not null)
        {
            var againstLocation = againstFile.Location(againstPath);
            if (againstLocation is not null)
            {
                baseline = ToPosition(againstFile.Path, againstLocation);
            }
        }

        Findings.Add(new BreakingFinding(ruleId, message, position, baseline));
    }

    private static SourcePosition ToPosition(string path, SourceCodeInfo.Types.Location location)
    {
        var span = location.Span;
        if (span.Count == 3)
        {
            return new SourcePosition(path, span[0] + 1, span[1] + 1, span[0] + 1, span[2] + 1);
        }

        if (span.Count >= 4)
        {
            return new SourcePosition(path, span[0] + 1, span[1] + 1, span[2] + 1, span[3] + 1);
        }

        return new SourcePosition(path, 1, 1, 1, 1);
    }

    private static int[] Sub(int[] path, params int[] tail)
    {
        var result = new int[path.Length + tail.Length];
        Array.Copy(path, result, path.Length);
        Array.Copy(tail, 0, result, path.Length, tail.Length);
        return result;
    }

    /// <summary>The first of the candidate paths that has a location in <paramref name="file"/> (buf's withBackupLocation).</summary>
    private static int[]? FirstPresent(FileNode file, params int[]?[] candidates)
    {
        foreach (var candidate in candidates)
        {
            if (candidate is not null && file.Location(candidate) is not null)
            {
                return candidate;
            }
        }

        return null;
    }

    private static string Quote(string value) => GoFormat.Quote(value);

    private static Dictionary<string, EnumDescriptorProto> AllEnums(SchemaImage image)
    {
        var result = new Dictionary<string, EnumDescriptorProto>(StringComparer.Ordinal);
        foreach (var file in image.Files)
        {
            var prefix = file.Package.Length == 0 ? string.Empty : file.Package + ".";
            foreach (var enumProto in file.EnumType)
            {
                result[prefix + enumProto.Name] = enumProto;
            }

            foreach (var message in file.MessageType)
            {
                AddEnums(result, prefix + message.Name + ".", message);
            }
        }

        return result;
    }

    private static void AddEnums(Dictionary<string, EnumDescriptorProto> result, string prefix, DescriptorProto message)
    {
        foreach (var enumProto in message.EnumType)
        {
            result[prefix + enumProto.Name] = enumProto;
        }

        foreach (var nested in message.NestedType)
        {
            AddEnums(result, prefix + nested.Name + ".", nested);
        }
    }

    // ---------------------------------------------------------------- files

    private void CheckFiles()
    {
        foreach (var previousFile in against.Files)
        {
            if (!current.FilesByPath.TryGetValue(previousFile.Path, out var file))
            {
                if (On("FILE_NO_DELETE"))
                {
                    // buf reports a deleted file with no current location; Contrail names the deleted path, line 1.
                    Add("FILE_NO_DELETE", previousFile.Path, null, null, null, null, $"Previously present file {Quote(previousFile.Path)} was deleted.");
                }

                continue;
            }

            CheckFilePair(file, previousFile);
        }
    }

    private void CheckFilePair(FileNode file, FileNode previousFile)
    {
        if (On("ENUM_NO_DELETE"))
        {
            foreach (var previous in previousFile.EnumList)
            {
                if (!file.Enums.ContainsKey(previous.NestedName))
                {
                    var parent = SurvivingParent(file.Messages, previous.NestedName);
                    Add("ENUM_NO_DELETE", parent?.File.Path ?? file.Path, file, parent?.Path, previousFile, previous.Path, $"Previously present enum {Quote(previous.NestedName)} was deleted from file.");
                }
            }
        }

        if (On("EXTENSION_NO_DELETE"))
        {
            foreach (var previous in previousFile.ExtensionList)
            {
                if (!file.Extensions.ContainsKey(previous.NestedName))
                {
                    var parent = SurvivingParent(file.Messages, previous.NestedName);
                    Add("EXTENSION_NO_DELETE", file.Path, file, parent?.Path, previousFile, previous.Path, $"Previously present extension {Quote(previous.NestedName)} was deleted from file.");
                }
            }
        }

        if (On("MESSAGE_NO_DELETE"))
        {
            foreach (var previous in previousFile.MessageList)
            {
                if (!file.Messages.ContainsKey(previous.NestedName))
                {
                    var parent = SurvivingParent(file.Messages, previous.NestedName);
                    Add("MESSAGE_NO_DELETE", file.Path, file, parent?.Path, previousFile, previous.Path, $"Previously present message {Quote(previous.NestedName)} was deleted from file.");
                }
            }
        }

        if (On("SERVICE_NO_DELETE"))
        {
            foreach (var previous in previousFile.ServiceList)
            {
                if (!file.Services.ContainsKey(previous.Name))
                {
                    Add("SERVICE_NO_DELETE", file.Path, null, null, previousFile, previous.Path, $"Previously present service {Quote(previous.Name)} was deleted from file.");
                }
            }
        }

        var options = file.Proto.Options ?? new FileOptions();
        var previousOptions = previousFile.Proto.Options ?? new FileOptions();
        FileOption("FILE_SAME_CC_ENABLE_ARENAS", "cc_enable_arenas", 31, Bool(previousOptions.CcEnableArenas), Bool(options.CcEnableArenas), file, previousFile);
        FileOption("FILE_SAME_CC_GENERIC_SERVICES", "cc_generic_services", 16, Bool(previousOptions.CcGenericServices), Bool(options.CcGenericServices), file, previousFile);
        FileOption("FILE_SAME_CSHARP_NAMESPACE", "csharp_namespace", 37, previousOptions.CsharpNamespace, options.CsharpNamespace, file, previousFile);
        FileOption("FILE_SAME_GO_PACKAGE", "go_package", 11, previousOptions.GoPackage, options.GoPackage, file, previousFile);
        FileOption("FILE_SAME_JAVA_GENERIC_SERVICES", "java_generic_services", 17, Bool(previousOptions.JavaGenericServices), Bool(options.JavaGenericServices), file, previousFile);
        FileOption("FILE_SAME_JAVA_MULTIPLE_FILES", "java_multiple_files", 10, Bool(previousOptions.JavaMultipleFiles), Bool(options.JavaMultipleFiles), file, previousFile);
        FileOption("FILE_SAME_JAVA_OUTER_CLASSNAME", "java_outer_classname", 8, previousOptions.JavaOuterClassname, options.JavaOuterClassname, file, previousFile);
        FileOption("FILE_SAME_JAVA_PACKAGE", "java_package", 1, previousOptions.JavaPackage, options.JavaPackage, file, previousFile);
        FileOption("FILE_SAME_OBJC_CLASS_PREFIX", "objc_class_prefix", 36, previousOptions.ObjcClassPrefix, options.ObjcClassPrefix, file, previousFile);
        FileOption("FILE_SAME_OPTIMIZE_FOR", "optimize_for", 9, OptimizeMode(previousOptions.OptimizeFor), OptimizeMode(options.OptimizeFor), file, previousFile);
        FileOption("FILE_SAME_PHP_CLASS_PREFIX", "php_class_prefix", 40, previousOptions.PhpClassPrefix, options.PhpClassPrefix, file, previousFile);
        FileOption("FILE_SAME_PHP_METADATA_NAMESPACE", "php_metadata_namespace", 44, previousOptions.PhpMetadataNamespace, options.PhpMetadataNamespace, file, previousFile);
        FileOption("FILE_SAME_PHP_NAMESPACE", "php_namespace", 41, previousOptions.PhpNamespace, options.PhpNamespace, file, previousFile);
        FileOption("FILE_SAME_PY_GENERIC_SERVICES", "py_generic_services", 18, Bool(previousOptions.PyGenericServices), Bool(options.PyGenericServices), file, previousFile);
        FileOption("FILE_SAME_RUBY_PACKAGE", "ruby_package", 45, previousOptions.RubyPackage, options.RubyPackage, file, previousFile);
        FileOption("FILE_SAME_SWIFT_PREFIX", "swift_prefix", 39, previousOptions.SwiftPrefix, options.SwiftPrefix, file, previousFile);

        if (On("FILE_SAME_SYNTAX") && file.SyntaxName != previousFile.SyntaxName)
        {
            Add("FILE_SAME_SYNTAX", file.Path, file, new[] { 12 }, previousFile, new[] { 12 }, $"File syntax changed from {Quote(previousFile.SyntaxName)} to {Quote(file.SyntaxName)}.");
        }

        if (On("FILE_SAME_PACKAGE") && file.Package != previousFile.Package)
        {
            Add("FILE_SAME_PACKAGE", file.Path, file, new[] { 2 }, previousFile, new[] { 2 }, $"File package changed from {Quote(previousFile.Package)} to {Quote(file.Package)}.");
        }
    }

    private void FileOption(string ruleId, string optionName, int optionNumber, string previousValue, string value, FileNode file, FileNode previousFile)
    {
        if (On(ruleId) && !string.Equals(previousValue, value, StringComparison.Ordinal))
        {
            Add(ruleId, file.Path, file, new[] { 8, optionNumber }, previousFile, new[] { 8, optionNumber }, $"File option {Quote(optionName)} changed from {Quote(previousValue)} to {Quote(value)}.");
        }
    }

    private static string Bool(bool value) => value ? "true" : "false";

    private static string OptimizeMode(FileOptions.Types.OptimizeMode mode) => mode switch
    {
        FileOptions.Types.OptimizeMode.CodeSize => "CODE_SIZE",
        FileOptions.Types.OptimizeMode.LiteRuntime => "LITE_RUNTIME",
        _ => "SPEED",
    };

    /// <summary>The nearest enclosing message of a deleted element that still exists (buf's getDescriptorAndLocationForDeletedElement).</summary>
    private static MessageNode? SurvivingParent(Dictionary<string, MessageNode> messages, string previousNestedName)
    {
        var end = previousNestedName.LastIndexOf('.');
        while (end > 0)
        {
            if (messages.TryGetValue(previousNestedName.Substring(0, end), out var message))
            {
                return message;
            }

            end = previousNestedName.LastIndexOf('.', end - 1);
        }

        return null;
    }

    // ---------------------------------------------------------------- messages

    private void CheckMessages()
    {
        foreach (var previous in against.MessageList)
        {
            if (current.MessagesByFullName.TryGetValue(previous.FullName, out var message))
            {
                CheckMessagePair(message, previous);
            }
        }
    }

    private void CheckMessagePair(MessageNode message, MessageNode previous)
    {
        if (On("EXTENSION_MESSAGE_NO_DELETE"))
        {
            var previousRanges = new List<(int Start, int End)>(previous.Proto.ExtensionRange.Count);
            foreach (var range in previous.Proto.ExtensionRange)
            {
                previousRanges.Add((range.Start, range.End - 1));
            }

            var ranges = new List<(int Start, int End)>(message.Proto.ExtensionRange.Count);
            foreach (var range in message.Proto.ExtensionRange)
            {
                ranges.Add((range.Start, range.End - 1));
            }

            CheckTagRanges("EXTENSION_MESSAGE_NO_DELETE", "extension", "message", message.Name, MessageMax(message), MessageMax(previous), message.File, message.Path, previous.File, previous.Path, previousRanges, ranges);
        }

        if (On("FIELD_NO_DELETE") || On("FIELD_NO_DELETE_UNLESS_NAME_RESERVED") || On("FIELD_NO_DELETE_UNLESS_NUMBER_RESERVED"))
        {
            foreach (var previousField in previous.Fields)
            {
                if (message.FieldsByNumber.ContainsKey(previousField.Number))
                {
                    continue;
                }

                var description = FieldDescription(previousField);
                description = char.ToLowerInvariant(description[0]) + description.Substring(1);
                if (On("FIELD_NO_DELETE"))
                {
                    Add("FIELD_NO_DELETE", message.File.Path, message.File, message.Path, previous.File, previous.Path, $"Previously present {description} was deleted.");
                }

                if (On("FIELD_NO_DELETE_UNLESS_NUMBER_RESERVED") && !NumberReserved(previousField.Number, message.Proto))
                {
                    Add("FIELD_NO_DELETE_UNLESS_NUMBER_RESERVED", message.File.Path, message.File, message.Path, previous.File, previous.Path, $"Previously present {description} was deleted without reserving the number \"{previousField.Number.ToString(CultureInfo.InvariantCulture)}\".");
                }

                if (On("FIELD_NO_DELETE_UNLESS_NAME_RESERVED") && !message.Proto.ReservedName.Contains(previousField.Proto.Name))
                {
                    Add("FIELD_NO_DELETE_UNLESS_NAME_RESERVED", message.File.Path, message.File, message.Path, previous.File, previous.Path, $"Previously present {description} was deleted without reserving the name {Quote(previousField.Proto.Name)}.");
                }
            }
        }

        if (On("MESSAGE_NO_REMOVE_STANDARD_DESCRIPTOR_ACCESSOR")
            && previous.Proto.Options?.NoStandardDescriptorAccessor != true
            && message.Proto.Options?.NoStandardDescriptorAccessor == true)
        {
            Add("MESSAGE_NO_REMOVE_STANDARD_DESCRIPTOR_ACCESSOR", message.File.Path, message.File, Sub(message.Path, 7, 2), previous.File, Sub(previous.Path, 7, 2), "Message option \"no_standard_descriptor_accessor\" changed from \"false\" to \"true\".");
        }

        if (On("ONEOF_NO_DELETE"))
        {
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
                    Add("ONEOF_NO_DELETE", message.File.Path, message.File, message.Path, previous.File, previous.Path, $"Previously present oneof {Quote(name)} on message {Quote(message.Name)} was deleted.");
                }
            }
        }

        if (On("MESSAGE_SAME_JSON_FORMAT") && previous.Features.JsonFormat == 1 && message.Features.JsonFormat != 1)
        {
            Add(
                "MESSAGE_SAME_JSON_FORMAT",
                message.File.Path,
                message.File,
                FirstPresent(message.File, Sub(message.Path, 7, 12, 6), message.Path),
                previous.File,
                FirstPresent(previous.File, Sub(previous.Path, 7, 12, 6), previous.Path),
                $"Message {Quote(message.Name)} JSON format support changed from {JsonFormatName(previous.Features.JsonFormat)} to {JsonFormatName(message.Features.JsonFormat)}.");
        }

        if (On("MESSAGE_SAME_REQUIRED_FIELDS"))
        {
            foreach (var previousField in previous.Fields)
            {
                if (previousField.Proto.Label == FieldDescriptorProto.Types.Label.Required
                    && !(message.FieldsByNumber.TryGetValue(previousField.Number, out var field) && field.Proto.Label == FieldDescriptorProto.Types.Label.Required))
                {
                    Add("MESSAGE_SAME_REQUIRED_FIELDS", message.File.Path, message.File, message.Path, previous.File, previous.Path, $"Message {Quote(previous.Name)} had required field \"{previousField.Number.ToString(CultureInfo.InvariantCulture)}\" deleted. Required fields must always be sent, so if one side does not know about the required field, this will result in a breakage.");
                }
            }

            foreach (var field in message.Fields)
            {
                if (field.Proto.Label == FieldDescriptorProto.Types.Label.Required
                    && !(previous.FieldsByNumber.TryGetValue(field.Number, out var previousField) && previousField.Proto.Label == FieldDescriptorProto.Types.Label.Required))
                {
                    Add("MESSAGE_SAME_REQUIRED_FIELDS", field.File.Path, field.File, field.Path, null, null, $"Message {Quote(message.Name)} had required field \"{field.Number.ToString(CultureInfo.InvariantCulture)}\" added. Required fields must always be sent, so if one side does not know about the required field, this will result in a breakage.");
                }
            }
        }

        if (On("RESERVED_MESSAGE_NO_DELETE"))
        {
            var previousRanges = new List<(int Start, int End)>(previous.Proto.ReservedRange.Count);
            foreach (var range in previous.Proto.ReservedRange)
            {
                previousRanges.Add((range.Start, range.End - 1));
            }

            var ranges = new List<(int Start, int End)>(message.Proto.ReservedRange.Count);
            foreach (var range in message.Proto.ReservedRange)
            {
                ranges.Add((range.Start, range.End - 1));
            }

            CheckTagRanges("RESERVED_MESSAGE_NO_DELETE", "reserved", "message", message.Name, MessageMax(message), MessageMax(previous), message.File, message.Path, previous.File, previous.Path, previousRanges, ranges);
            var names = new HashSet<string>(message.Proto.ReservedName, StringComparer.Ordinal);
            foreach (var name in Distinct(previous.Proto.ReservedName))
            {
                if (!names.Contains(name))
                {
                    Add("RESERVED_MESSAGE_NO_DELETE", message.File.Path, message.File, message.Path, previous.File, previous.Path, $"Previously present reserved name {Quote(name)} on message {Quote(message.Name)} was deleted.");
                }
            }
        }
    }

    private static IEnumerable<string> Distinct(IEnumerable<string> values)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var value in values)
        {
            if (seen.Add(value))
            {
                yield return value;
            }
        }
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

    private void CheckTagRanges(
        string ruleId,
        string rangeKind,
        string elementKind,
        string elementName,
        int maxTag,
        int previousMaxTag,
        FileNode file,
        int[] path,
        FileNode previousFile,
        int[] previousPath,
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
            Add(ruleId, file.Path, file, path, previousFile, previousPath, $"Previously present {rangeKind} range {Quote(previousString)} on {elementKind} {Quote(elementName)} is missing values: {removed} were removed.");
        }
    }

    private static string JsonFormatName(int value) => value switch
    {
        1 => "ALLOW",
        2 => "LEGACY_BEST_EFFORT",
        _ => "JSON_FORMAT_UNKNOWN",
    };

    // ---------------------------------------------------------------- enums

    private void CheckEnums()
    {
        foreach (var previous in against.EnumList)
        {
            if (current.EnumsByFullName.TryGetValue(previous.FullName, out var enumNode))
            {
                CheckEnumPair(enumNode, previous);
            }
        }
    }

    private void CheckEnumPair(EnumNode enumNode, EnumNode previous)
    {
        if (On("ENUM_SAME_TYPE"))
        {
            var previousClosed = previous.Features.EnumType == 2;
            var closed = enumNode.Features.EnumType == 2;
            if (previousClosed != closed)
            {
                Add(
                    "ENUM_SAME_TYPE",
                    enumNode.File.Path,
                    enumNode.File,
                    FirstPresent(enumNode.File, Sub(enumNode.Path, 3, 7, 2), enumNode.Path),
                    previous.File,
                    FirstPresent(previous.File, Sub(previous.Path, 3, 7, 2), previous.Path),
                    $"Enum {Quote(enumNode.Name)} changed from {(previousClosed ? "closed" : "open")} to {(closed ? "closed" : "open")}.");
            }
        }

        if (On("ENUM_SAME_JSON_FORMAT") && previous.Features.JsonFormat == 1 && enumNode.Features.JsonFormat != 1)
        {
            Add(
                "ENUM_SAME_JSON_FORMAT",
                enumNode.File.Path,
                enumNode.File,
                FirstPresent(enumNode.File, Sub(enumNode.Path, 3, 7, 6), enumNode.Path),
                previous.File,
                FirstPresent(previous.File, Sub(previous.Path, 3, 7, 6), previous.Path),
                $"Enum {Quote(enumNode.Name)} JSON format support changed from {JsonFormatName(previous.Features.JsonFormat)} to {JsonFormatName(enumNode.Features.JsonFormat)}.");
        }

        var anyValueDelete = On("ENUM_VALUE_NO_DELETE") || On("ENUM_VALUE_NO_DELETE_UNLESS_NAME_RESERVED") || On("ENUM_VALUE_NO_DELETE_UNLESS_NUMBER_RESERVED");
        foreach (var number in previous.NumbersInOrder)
        {
            var previousNames = previous.ValuesByNumber[number];
            var numberText = number.ToString(CultureInfo.InvariantCulture);
            if (!enumNode.ValuesByNumber.TryGetValue(number, out var names))
            {
                if (!anyValueDelete)
                {
                    continue;
                }

                if (On("ENUM_VALUE_NO_DELETE"))
                {
                    Add("ENUM_VALUE_NO_DELETE", enumNode.File.Path, enumNode.File, enumNode.Path, previous.File, previous.Path, $"Previously present enum value \"{numberText}\" on enum {Quote(enumNode.Name)} was deleted.");
                }

                if (On("ENUM_VALUE_NO_DELETE_UNLESS_NUMBER_RESERVED") && !EnumNumberReserved(number, enumNode.Proto))
                {
                    Add("ENUM_VALUE_NO_DELETE_UNLESS_NUMBER_RESERVED", enumNode.File.Path, enumNode.File, enumNode.Path, previous.File, previous.Path, $"Previously present enum value \"{numberText}\" on enum {Quote(enumNode.Name)} was deleted without reserving the number \"{numberText}\".");
                }

                if (On("ENUM_VALUE_NO_DELETE_UNLESS_NAME_RESERVED"))
                {
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
                        Add("ENUM_VALUE_NO_DELETE_UNLESS_NAME_RESERVED", enumNode.File.Path, enumNode.File, enumNode.Path, previous.File, previous.Path, $"Previously present enum value \"{numberText}\" on enum {Quote(enumNode.Name)} was deleted without reserving the name{suffix} {JoinQuoted(previousNames.Keys)}.");
                    }
                }

                continue;
            }

            if (On("ENUM_VALUE_SAME_NAME"))
            {
                var contained = true;
                foreach (var name in previousNames.Keys)
                {
                    if (!names.ContainsKey(name))
                    {
                        contained = false;
                        break;
                    }
                }

                if (!contained)
                {
                    var suffix = previousNames.Count > 1 && names.Count > 1 ? "s" : string.Empty;
                    var message = $"Enum value \"{numberText}\" on enum {Quote(enumNode.Name)} changed name{suffix} from {JoinQuoted(previousNames.Keys)} to {JoinQuoted(names.Keys)}.";
                    foreach (var pair in names)
                    {
                        var valuePath = Sub(enumNode.Path, 2, pair.Value, 2);
                        int[]? previousValuePath = previousNames.TryGetValue(pair.Key, out var previousIndex) ? Sub(previous.Path, 2, previousIndex, 2) : null;
                        Add("ENUM_VALUE_SAME_NAME", enumNode.File.Path, enumNode.File, valuePath, previous.File, previousValuePath, message);
                    }
                }
            }
        }

        if (On("RESERVED_ENUM_NO_DELETE"))
        {
            var previousRanges = new List<(int Start, int End)>(previous.Proto.ReservedRange.Count);
            foreach (var range in previous.Proto.ReservedRange)
            {
                previousRanges.Add((range.Start, range.End));
            }

            var ranges = new List<(int Start, int End)>(enumNode.Proto.ReservedRange.Count);
            foreach (var range in enumNode.Proto.ReservedRange)
            {
                ranges.Add((range.Start, range.End));
            }

            CheckTagRanges("RESERVED_ENUM_NO_DELETE", "reserved", "enum", enumNode.Name, int.MaxValue, int.MaxValue, enumNode.File, enumNode.Path, previous.File, previous.Path, previousRanges, ranges);
            var names = new HashSet<string>(enumNode.Proto.ReservedName, StringComparer.Ordinal);
            foreach (var name in Distinct(previous.Proto.ReservedName))
            {
                if (!names.Contains(name))
                {
                    Add("RESERVED_ENUM_NO_DELETE", enumNode.File.Path, enumNode.File, enumNode.Path, previous.File, previous.Path, $"Previously present reserved name {Quote(name)} on enum {Quote(enumNode.Name)} was deleted.");
                }
            }
        }
    }

    private static bool EnumNumberReserved(int number, EnumDescriptorProto enumProto)
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
        var builder = new System.Text.StringBuilder();
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

    // ---------------------------------------------------------------- services

    private void CheckServices()
    {
        foreach (var previous in against.ServiceList)
        {
            if (!current.ServicesByFullName.TryGetValue(previous.FullName, out var service))
            {
                continue;
            }

            for (var i = 0; i < previous.Proto.Method.Count; i++)
            {
                var previousMethod = previous.Proto.Method[i];
                if (!service.Methods.TryGetValue(previousMethod.Name, out var index))
                {
                    if (On("RPC_NO_DELETE") && previous.Methods[previousMethod.Name] == i)
                    {
                        Add("RPC_NO_DELETE", service.File.Path, service.File, service.Path, previous.File, previous.Path, $"Previously present RPC {Quote(previousMethod.Name)} on service {Quote(service.Name)} was deleted.");
                    }

                    continue;
                }

                CheckMethodPair(service, index, previous, i);
            }
        }
    }

    private void CheckMethodPair(ServiceNode service, int index, ServiceNode previousService, int previousIndex)
    {
        var method = service.Proto.Method[index];
        var previous = previousService.Proto.Method[previousIndex];
        var path = Sub(service.Path, 2, index);
        var previousPath = Sub(previousService.Path, 2, previousIndex);
        var file = service.File;
        var previousFile = previousService.File;

        if (On("RPC_SAME_CLIENT_STREAMING") && previous.ClientStreaming != method.ClientStreaming)
        {
            Add("RPC_SAME_CLIENT_STREAMING", file.Path, file, path, previousFile, previousPath, $"RPC {Quote(method.Name)} on service {Quote(service.Name)} changed from client {(method.ClientStreaming ? "unary" : "streaming")} to client {(method.ClientStreaming ? "streaming" : "unary")}.");
        }

        if (On("RPC_SAME_SERVER_STREAMING") && previous.ServerStreaming != method.ServerStreaming)
        {
            Add("RPC_SAME_SERVER_STREAMING", file.Path, file, path, previousFile, previousPath, $"RPC {Quote(method.Name)} on service {Quote(service.Name)} changed from server {(method.ServerStreaming ? "unary" : "streaming")} to server {(method.ServerStreaming ? "streaming" : "unary")}.");
        }

        if (On("RPC_SAME_IDEMPOTENCY_LEVEL"))
        {
            var previousLevel = IdempotencyName(previous.Options);
            var level = IdempotencyName(method.Options);
            if (previousLevel != level)
            {
                Add("RPC_SAME_IDEMPOTENCY_LEVEL", file.Path, file, Sub(path, 4, 34), previousFile, Sub(previousPath, 4, 34), $"RPC {Quote(method.Name)} on service {Quote(service.Name)} changed option \"idempotency_level\" from {Quote(previousLevel)} to {Quote(level)}.");
            }
        }

        var previousInput = previous.InputType.TrimStart('.');
        var input = method.InputType.TrimStart('.');
        if (On("RPC_SAME_REQUEST_TYPE") && previousInput != input)
        {
            Add("RPC_SAME_REQUEST_TYPE", file.Path, file, Sub(path, 2), previousFile, Sub(previousPath, 2), $"RPC {Quote(method.Name)} on service {Quote(service.Name)} changed request type from {Quote(previousInput)} to {Quote(input)}.");
        }

        var previousOutput = previous.OutputType.TrimStart('.');
        var output = method.OutputType.TrimStart('.');
        if (On("RPC_SAME_RESPONSE_TYPE") && previousOutput != output)
        {
            Add("RPC_SAME_RESPONSE_TYPE", file.Path, file, Sub(path, 3), previousFile, Sub(previousPath, 3), $"RPC {Quote(method.Name)} on service {Quote(service.Name)} changed response type from {Quote(previousOutput)} to {Quote(output)}.");
        }
    }

    private static string IdempotencyName(MethodOptions? options) => options?.IdempotencyLevel switch
    {
        MethodOptions.Types.IdempotencyLevel.NoSideEffects => "NO_SIDE_EFFECTS",
        MethodOptions.Types.IdempotencyLevel.Idempotent => "IDEMPOTENT",
        _ => "IDEMPOTENCY_UNKNOWN",
    };
}
