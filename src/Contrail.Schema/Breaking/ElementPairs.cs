using System;
using System.Collections.Generic;
using Google.Protobuf.Reflection;
using FieldType = Google.Protobuf.Reflection.FieldDescriptorProto.Types.Type;

namespace Contrail.Schema.Breaking;

/// <summary>A rule unit: checks one pair of elements (current and baseline) and adds what it finds.</summary>
internal delegate void PairRule<in TPair>(TPair pair, RuleFindings findings);

/// <summary>The two images as a whole, for the rules that pair files and packages themselves.</summary>
internal sealed class SchemaPair
{
    private Dictionary<string, PackageContents>? _currentPackages;
    private Dictionary<string, PackageContents>? _previousPackages;

    public SchemaPair(SchemaIndex current, SchemaIndex previous)
    {
        Current = current;
        Previous = previous;
    }

    public SchemaIndex Current { get; }

    public SchemaIndex Previous { get; }

    /// <summary>The current image's packages, built on first use (only the PACKAGE rules need them).</summary>
    public Dictionary<string, PackageContents> CurrentPackages => _currentPackages ??= PackageContents.Build(Current);

    /// <summary>The baseline's packages, built on first use.</summary>
    public Dictionary<string, PackageContents> PreviousPackages => _previousPackages ??= PackageContents.Build(Previous);
}

/// <summary>A file of the baseline and the current file at the same path.</summary>
internal readonly record struct FilePair(FileNode Current, FileNode Previous);

/// <summary>A message of the baseline and the current message with the same full name.</summary>
internal readonly record struct MessagePair(MessageNode Current, MessageNode Previous);

/// <summary>An enum of the baseline and the current enum with the same full name.</summary>
internal readonly record struct EnumPair(EnumNode Current, EnumNode Previous);

/// <summary>A service of the baseline and the current service with the same full name.</summary>
internal readonly record struct ServicePair(ServiceNode Current, ServiceNode Previous);

/// <summary>
/// A field of the baseline and the current field with the same number in the message with the same full name
/// (an extension: with the same extendee and number), with the kinds both resolve to.
/// </summary>
internal sealed class FieldPair
{
    public FieldPair(FieldNode current, FieldNode previous, Dictionary<string, EnumDescriptorProto> currentEnums, Dictionary<string, EnumDescriptorProto> previousEnums)
    {
        Current = current;
        Previous = previous;
        Kind = FieldFacts.Kind(current);
        PreviousKind = FieldFacts.Kind(previous);
        CurrentEnums = currentEnums;
        PreviousEnums = previousEnums;
    }

    public FieldNode Current { get; }

    public FieldNode Previous { get; }

    /// <summary>The current field's kind as protobuf-go resolves it.</summary>
    public FieldType Kind { get; }

    /// <summary>The baseline field's kind as protobuf-go resolves it.</summary>
    public FieldType PreviousKind { get; }

    /// <summary>Every enum of the current image (imports included), for defaults and renamed enum types.</summary>
    public Dictionary<string, EnumDescriptorProto> CurrentEnums { get; }

    /// <summary>Every enum of the baseline image (imports included).</summary>
    public Dictionary<string, EnumDescriptorProto> PreviousEnums { get; }

    /// <summary>Whether both fields are the key or value of a map entry, whose cardinality and string type buf does not compare.</summary>
    public bool BothMapEntries => FieldFacts.IsMapEntryField(Current) && FieldFacts.IsMapEntryField(Previous);
}

/// <summary>A method of a baseline service and the current method with the same name in the current service.</summary>
internal sealed class MethodPair
{
    public MethodPair(ServiceNode service, int index, ServiceNode previousService, int previousIndex)
    {
        Service = service;
        PreviousService = previousService;
        Current = service.Proto.Method[index];
        Previous = previousService.Proto.Method[previousIndex];
        Path = FindingSite.Below(service.Path, 2, index);
        PreviousPath = FindingSite.Below(previousService.Path, 2, previousIndex);
    }

    public ServiceNode Service { get; }

    public ServiceNode PreviousService { get; }

    public MethodDescriptorProto Current { get; }

    public MethodDescriptorProto Previous { get; }

    /// <summary>The current method's source path in its file.</summary>
    public int[] Path { get; }

    /// <summary>The baseline method's source path in its file.</summary>
    public int[] PreviousPath { get; }

    /// <summary>The current method, or the source path <paramref name="tail"/> below it.</summary>
    public FindingSite At(params int[] tail) => FindingSite.In(Service.File, tail.Length == 0 ? Path : FindingSite.Below(Path, tail));

    /// <summary>The baseline method, or the source path <paramref name="tail"/> below it.</summary>
    public FindingSite Was(params int[] tail) => FindingSite.In(PreviousService.File, tail.Length == 0 ? PreviousPath : FindingSite.Below(PreviousPath, tail));
}

/// <summary>Every enum of an image (imports included) by full name, as field defaults and renamed enum types resolve them.</summary>
internal static class ImageEnums
{
    public static Dictionary<string, EnumDescriptorProto> ByFullName(SchemaImage image)
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
                AddNested(result, prefix + message.Name + ".", message);
            }
        }

        return result;
    }

    private static void AddNested(Dictionary<string, EnumDescriptorProto> result, string prefix, DescriptorProto message)
    {
        foreach (var enumProto in message.EnumType)
        {
            result[prefix + enumProto.Name] = enumProto;
        }

        foreach (var nested in message.NestedType)
        {
            AddNested(result, prefix + nested.Name + ".", nested);
        }
    }
}
