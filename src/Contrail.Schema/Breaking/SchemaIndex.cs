using System;
using System.Collections.Generic;
using Google.Protobuf.Reflection;

namespace Contrail.Schema.Breaking;

/// <summary>The editions features the breaking rules read, resolved for one element.</summary>
internal readonly struct ResolvedFeatures
{
    public ResolvedFeatures(int fieldPresence, int enumType, int utf8Validation, int messageEncoding, int jsonFormat, int cppStringType, int javaUtf8Validation)
    {
        FieldPresence = fieldPresence;
        EnumType = enumType;
        Utf8Validation = utf8Validation;
        MessageEncoding = messageEncoding;
        JsonFormat = jsonFormat;
        CppStringType = cppStringType;
        JavaUtf8Validation = javaUtf8Validation;
    }

    // Values are descriptor.proto's enum numbers: FieldPresence EXPLICIT=1 IMPLICIT=2 LEGACY_REQUIRED=3;
    // EnumType OPEN=1 CLOSED=2; Utf8Validation VERIFY=2 NONE=3; MessageEncoding LENGTH_PREFIXED=1 DELIMITED=2;
    // JsonFormat ALLOW=1 LEGACY_BEST_EFFORT=2; (pb.cpp).string_type VIEW=1 CORD=2 STRING=3; (pb.java).utf8_validation DEFAULT=1 VERIFY=2.
    public int FieldPresence { get; }

    public int EnumType { get; }

    public int Utf8Validation { get; }

    public int MessageEncoding { get; }

    public int JsonFormat { get; }

    public int CppStringType { get; }

    public int JavaUtf8Validation { get; }

    public static ResolvedFeatures Defaults(FileSyntax syntax, int edition)
        => syntax switch
        {
            FileSyntax.Proto2 => new ResolvedFeatures(1, 2, 3, 1, 2, 3, 1),
            FileSyntax.Proto3 => new ResolvedFeatures(2, 1, 2, 1, 1, 3, 1),
            // Edition 2023 and later: explicit presence, open enums, verified UTF-8; 2024 makes string_view the C++ default.
            _ => new ResolvedFeatures(1, 1, 2, 1, 1, edition >= 1001 ? 1 : 3, 1),
        };

    /// <summary>Applies the features set explicitly on an element (its options' <c>features</c>).</summary>
    public ResolvedFeatures With(FeatureSet? set)
    {
        if (set is null)
        {
            return this;
        }

        var cpp = CppStringType;
        var java = JavaUtf8Validation;
        FeatureExtensions.Read(set, ref cpp, ref java);
        return new ResolvedFeatures(
            set.HasFieldPresence ? (int)set.FieldPresence : FieldPresence,
            set.HasEnumType ? (int)set.EnumType : EnumType,
            set.HasUtf8Validation ? (int)set.Utf8Validation : Utf8Validation,
            set.HasMessageEncoding ? (int)set.MessageEncoding : MessageEncoding,
            set.HasJsonFormat ? (int)set.JsonFormat : JsonFormat,
            cpp,
            java);
    }
}

/// <summary>A file's syntax as buf names it.</summary>
internal enum FileSyntax
{
    Proto2,
    Proto3,
    Editions,
}

/// <summary>An indexed file of one image: its elements by name and its source locations (built on first use).</summary>
internal sealed class FileNode
{
    private Dictionary<IList<int>, SourceCodeInfo.Types.Location>? _locations;

    public FileNode(FileDescriptorProto proto)
    {
        Proto = proto;
        Path = proto.Name;
        Package = proto.Package;
        Syntax = proto.Syntax switch
        {
            "proto3" => FileSyntax.Proto3,
            "editions" => FileSyntax.Editions,
            _ => FileSyntax.Proto2,
        };
        Edition = proto.HasEdition ? (int)proto.Edition : 0;
        Features = ResolvedFeatures.Defaults(Syntax, Edition).With(proto.Options?.Features);
    }

    public FileDescriptorProto Proto { get; }

    public string Path { get; }

    public string Package { get; }

    public FileSyntax Syntax { get; }

    public int Edition { get; }

    public ResolvedFeatures Features { get; }

    public string SyntaxName => Syntax switch
    {
        FileSyntax.Proto3 => "proto3",
        FileSyntax.Editions => "editions",
        _ => "proto2",
    };

    /// <summary>Messages by nested name (<c>Order.Line</c>), enums, extensions and services, in declaration order.</summary>
    public Dictionary<string, MessageNode> Messages { get; } = new(StringComparer.Ordinal);

    public List<MessageNode> MessageList { get; } = new();

    public Dictionary<string, EnumNode> Enums { get; } = new(StringComparer.Ordinal);

    public List<EnumNode> EnumList { get; } = new();

    public Dictionary<string, FieldNode> Extensions { get; } = new(StringComparer.Ordinal);

    public List<FieldNode> ExtensionList { get; } = new();

    public Dictionary<string, ServiceNode> Services { get; } = new(StringComparer.Ordinal);

    public List<ServiceNode> ServiceList { get; } = new();

    /// <summary>The source location at <paramref name="path"/>, or null (no source info, or an element protoc gave no span).</summary>
    public SourceCodeInfo.Types.Location? Location(int[]? path)
    {
        if (path is null || Proto.SourceCodeInfo is null)
        {
            return null;
        }

        if (_locations is null)
        {
            // Keyed by the path itself (no string per location): a large file has tens of thousands of locations.
            var built = new Dictionary<IList<int>, SourceCodeInfo.Types.Location>(Proto.SourceCodeInfo.Location.Count, SourcePathComparer.Instance);
            foreach (var location in Proto.SourceCodeInfo.Location)
            {
                if (!built.ContainsKey(location.Path))
                {
                    built.Add(location.Path, location);
                }
            }

            _locations = built;
        }

        if (_locations.TryGetValue(path, out var found))
        {
            return found;
        }

        // protoc records no spans inside a map's synthesized entry message; buf places its fields at the map field.
        for (var length = path.Length - 1; length >= 2 && MapEntryFields.Count > 0; length--)
        {
            if (MapEntryFields.TryGetValue(new ArraySegment<int>(path, 0, length), out var mapField))
            {
                return _locations.TryGetValue(mapField, out var mapLocation) ? mapLocation : null;
            }
        }

        return null;
    }

    /// <summary>The source path of each map entry message, mapped to the path of the map field that declares it.</summary>
    public Dictionary<IList<int>, int[]> MapEntryFields { get; } = new(SourcePathComparer.Instance);
}

/// <summary>Compares source paths element by element.</summary>
internal sealed class SourcePathComparer : IEqualityComparer<IList<int>>
{
    public static readonly SourcePathComparer Instance = new();

    public bool Equals(IList<int>? x, IList<int>? y)
    {
        if (ReferenceEquals(x, y))
        {
            return true;
        }

        if (x is null || y is null || x.Count != y.Count)
        {
            return false;
        }

        for (var i = 0; i < x.Count; i++)
        {
            if (x[i] != y[i])
            {
                return false;
            }
        }

        return true;
    }

    public int GetHashCode(IList<int> path)
    {
        unchecked
        {
            var hash = 17;
            for (var i = 0; i < path.Count; i++)
            {
                hash = (hash * 31) + path[i];
            }

            return hash;
        }
    }
}

/// <summary>An element a finding can point at: a span in one file of an image.</summary>
internal interface ISchemaElement
{
    /// <summary>The file that declares the element.</summary>
    FileNode File { get; }

    /// <summary>The element's source path in <see cref="File"/>.</summary>
    int[] Path { get; }
}

/// <summary>A message (or map entry) in a file.</summary>
internal sealed class MessageNode : ISchemaElement
{
    public MessageNode(FileNode file, DescriptorProto proto, string nestedName, string fullName, int[] path, ResolvedFeatures features)
    {
        File = file;
        Proto = proto;
        NestedName = nestedName;
        FullName = fullName;
        Path = path;
        Features = features;
    }

    public FileNode File { get; }

    public DescriptorProto Proto { get; }

    public string Name => Proto.Name;

    public string NestedName { get; }

    public string FullName { get; }

    public int[] Path { get; }

    public ResolvedFeatures Features { get; }

    public bool IsMapEntry => Proto.Options?.MapEntry == true;

    public bool MessageSetWireFormat => Proto.Options?.MessageSetWireFormat == true;

    public Dictionary<int, FieldNode> FieldsByNumber { get; } = new();

    public List<FieldNode> Fields { get; } = new();
}

/// <summary>A field of a message, or an extension.</summary>
internal sealed class FieldNode : ISchemaElement
{
    public FieldNode(FileNode file, MessageNode? message, FieldDescriptorProto proto, string fullName, string nestedName, int[] path, ResolvedFeatures features)
    {
        File = file;
        Message = message;
        Proto = proto;
        FullName = fullName;
        NestedName = nestedName;
        Path = path;
        Features = features;
    }

    public FileNode File { get; }

    /// <summary>The message the field belongs to; for an extension, the message it is declared in (or null at file level).</summary>
    public MessageNode? Message { get; }

    public FieldDescriptorProto Proto { get; }

    public string FullName { get; }

    public string NestedName { get; }

    public int[] Path { get; }

    public ResolvedFeatures Features { get; }

    public bool IsExtension => Proto.HasExtendee;

    public string Extendee => Proto.Extendee.TrimStart('.');

    public string TypeName => Proto.TypeName.TrimStart('.');

    public int Number => Proto.Number;
}

/// <summary>An enum in a file.</summary>
internal sealed class EnumNode : ISchemaElement
{
    public EnumNode(FileNode file, EnumDescriptorProto proto, string nestedName, string fullName, int[] path, ResolvedFeatures features)
    {
        File = file;
        Proto = proto;
        NestedName = nestedName;
        FullName = fullName;
        Path = path;
        Features = features;
        for (var i = 0; i < proto.Value.Count; i++)
        {
            var value = proto.Value[i];
            if (!ValuesByNumber.TryGetValue(value.Number, out var names))
            {
                names = new SortedDictionary<string, int>(StringComparer.Ordinal);
                ValuesByNumber.Add(value.Number, names);
                NumbersInOrder.Add(value.Number);
            }

            names[value.Name] = i;
        }
    }

    public FileNode File { get; }

    public EnumDescriptorProto Proto { get; }

    public string Name => Proto.Name;

    public string NestedName { get; }

    public string FullName { get; }

    public int[] Path { get; }

    public ResolvedFeatures Features { get; }

    /// <summary>Value names (with their index in the enum) by number; aliases share a number.</summary>
    public Dictionary<int, SortedDictionary<string, int>> ValuesByNumber { get; } = new();

    public List<int> NumbersInOrder { get; } = new();
}

/// <summary>A service in a file.</summary>
internal sealed class ServiceNode : ISchemaElement
{
    public ServiceNode(FileNode file, ServiceDescriptorProto proto, string fullName, int[] path)
    {
        File = file;
        Proto = proto;
        FullName = fullName;
        Path = path;
        for (var i = 0; i < proto.Method.Count; i++)
        {
            if (!Methods.ContainsKey(proto.Method[i].Name))
            {
                Methods.Add(proto.Method[i].Name, i);
            }
        }
    }

    public FileNode File { get; }

    public ServiceDescriptorProto Proto { get; }

    public string Name => Proto.Name;

    public string FullName { get; }

    public int[] Path { get; }

    /// <summary>Method indexes by name.</summary>
    public Dictionary<string, int> Methods { get; } = new(StringComparer.Ordinal);
}

/// <summary>One image indexed for comparison: its checked files and every element by full name.</summary>
internal sealed class SchemaIndex
{
    public SchemaIndex(IEnumerable<FileDescriptorProto> files)
    {
        foreach (var proto in files)
        {
            var file = new FileNode(proto);
            if (FilesByPath.ContainsKey(file.Path))
            {
                continue;
            }

            FilesByPath.Add(file.Path, file);
            Files.Add(file);
            var prefix = file.Package.Length == 0 ? string.Empty : file.Package + ".";
            for (var i = 0; i < proto.MessageType.Count; i++)
            {
                AddMessage(file, null, proto.MessageType[i], prefix, string.Empty, new[] { 4, i }, file.Features);
            }

            for (var i = 0; i < proto.EnumType.Count; i++)
            {
                AddEnum(file, proto.EnumType[i], prefix, string.Empty, new[] { 5, i }, file.Features);
            }

            for (var i = 0; i < proto.Extension.Count; i++)
            {
                AddExtension(file, null, proto.Extension[i], prefix, string.Empty, new[] { 7, i }, file.Features);
            }

            for (var i = 0; i < proto.Service.Count; i++)
            {
                var service = new ServiceNode(file, proto.Service[i], prefix + proto.Service[i].Name, new[] { 6, i });
                if (!file.Services.ContainsKey(service.Name))
                {
                    file.Services.Add(service.Name, service);
                    file.ServiceList.Add(service);
                }

                if (!ServicesByFullName.ContainsKey(service.FullName))
                {
                    ServicesByFullName.Add(service.FullName, service);
                    ServiceList.Add(service);
                }
            }
        }
    }

    public List<FileNode> Files { get; } = new();

    public Dictionary<string, FileNode> FilesByPath { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, MessageNode> MessagesByFullName { get; } = new(StringComparer.Ordinal);

    public List<MessageNode> MessageList { get; } = new();

    public Dictionary<string, EnumNode> EnumsByFullName { get; } = new(StringComparer.Ordinal);

    public List<EnumNode> EnumList { get; } = new();

    public Dictionary<string, ServiceNode> ServicesByFullName { get; } = new(StringComparer.Ordinal);

    public List<ServiceNode> ServiceList { get; } = new();

    /// <summary>Extensions by extendee (no leading dot), then by number.</summary>
    public Dictionary<string, Dictionary<int, FieldNode>> ExtensionsByExtendee { get; } = new(StringComparer.Ordinal);

    public List<FieldNode> ExtensionList { get; } = new();

    private void AddMessage(FileNode file, MessageNode? parent, DescriptorProto proto, string packagePrefix, string nestedPrefix, int[] path, ResolvedFeatures inherited)
    {
        var nestedName = nestedPrefix + proto.Name;
        var fullName = packagePrefix + nestedName;
        var features = inherited.With(proto.Options?.Features);
        var message = new MessageNode(file, proto, nestedName, fullName, path, features);
        if (!file.Messages.ContainsKey(nestedName))
        {
            file.Messages.Add(nestedName, message);
            file.MessageList.Add(message);
        }

        if (!MessagesByFullName.ContainsKey(fullName))
        {
            MessagesByFullName.Add(fullName, message);
            MessageList.Add(message);
        }

        for (var i = 0; i < proto.Field.Count; i++)
        {
            var fieldProto = proto.Field[i];
            var fieldFeatures = features;
            if (fieldProto.HasOneofIndex && fieldProto.OneofIndex < proto.OneofDecl.Count)
            {
                fieldFeatures = fieldFeatures.With(proto.OneofDecl[fieldProto.OneofIndex].Options?.Features);
            }

            fieldFeatures = fieldFeatures.With(fieldProto.Options?.Features);
            var field = new FieldNode(file, message, fieldProto, fullName + "." + fieldProto.Name, nestedName + "." + fieldProto.Name, Append(path, 2, i), fieldFeatures);
            if (!message.FieldsByNumber.ContainsKey(fieldProto.Number))
            {
                message.FieldsByNumber.Add(fieldProto.Number, field);
            }

            message.Fields.Add(field);
        }

        var childPrefix = nestedName + ".";
        for (var i = 0; i < proto.Field.Count; i++)
        {
            var fieldProto = proto.Field[i];
            if (fieldProto.Label != FieldDescriptorProto.Types.Label.Repeated || fieldProto.Type != FieldDescriptorProto.Types.Type.Message)
            {
                continue;
            }

            for (var j = 0; j < proto.NestedType.Count; j++)
            {
                var nested = proto.NestedType[j];
                if (nested.Options?.MapEntry == true && fieldProto.TypeName == "." + fullName + "." + nested.Name)
                {
                    file.MapEntryFields[Append(path, 3, j)] = Append(path, 2, i);
                }
            }
        }

        for (var i = 0; i < proto.NestedType.Count; i++)
        {
            AddMessage(file, message, proto.NestedType[i], packagePrefix, childPrefix, Append(path, 3, i), features);
        }

        for (var i = 0; i < proto.EnumType.Count; i++)
        {
            AddEnum(file, proto.EnumType[i], packagePrefix, childPrefix, Append(path, 4, i), features);
        }

        for (var i = 0; i < proto.Extension.Count; i++)
        {
            AddExtension(file, message, proto.Extension[i], packagePrefix, childPrefix, Append(path, 6, i), features);
        }
    }

    private void AddEnum(FileNode file, EnumDescriptorProto proto, string packagePrefix, string nestedPrefix, int[] path, ResolvedFeatures inherited)
    {
        var nestedName = nestedPrefix + proto.Name;
        var node = new EnumNode(file, proto, nestedName, packagePrefix + nestedName, path, inherited.With(proto.Options?.Features));
        if (!file.Enums.ContainsKey(nestedName))
        {
            file.Enums.Add(nestedName, node);
            file.EnumList.Add(node);
        }

        if (!EnumsByFullName.ContainsKey(node.FullName))
        {
            EnumsByFullName.Add(node.FullName, node);
            EnumList.Add(node);
        }
    }

    private void AddExtension(FileNode file, MessageNode? scope, FieldDescriptorProto proto, string packagePrefix, string nestedPrefix, int[] path, ResolvedFeatures inherited)
    {
        var nestedName = nestedPrefix + proto.Name;
        var node = new FieldNode(file, scope, proto, packagePrefix + nestedName, nestedName, path, inherited.With(proto.Options?.Features));
        if (!file.Extensions.ContainsKey(nestedName))
        {
            file.Extensions.Add(nestedName, node);
            file.ExtensionList.Add(node);
        }

        if (!ExtensionsByExtendee.TryGetValue(node.Extendee, out var byNumber))
        {
            byNumber = new Dictionary<int, FieldNode>();
            ExtensionsByExtendee.Add(node.Extendee, byNumber);
        }

        if (!byNumber.ContainsKey(node.Number))
        {
            byNumber.Add(node.Number, node);
        }

        ExtensionList.Add(node);
    }

    internal static int[] Append(int[] path, int a, int b)
    {
        var result = new int[path.Length + 2];
        Array.Copy(path, result, path.Length);
        result[path.Length] = a;
        result[path.Length + 1] = b;
        return result;
    }
}
