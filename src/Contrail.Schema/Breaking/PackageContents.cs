using System;
using System.Collections.Generic;

namespace Contrail.Schema.Breaking;

/// <summary>Everything one package declares across its files, by nested name.</summary>
internal sealed class PackageContents
{
    public SortedSet<string> FilePaths { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, MessageNode> Messages { get; } = new(StringComparer.Ordinal);

    public List<MessageNode> MessageList { get; } = new();

    public Dictionary<string, EnumNode> Enums { get; } = new(StringComparer.Ordinal);

    public List<EnumNode> EnumList { get; } = new();

    public Dictionary<string, FieldNode> Extensions { get; } = new(StringComparer.Ordinal);

    public List<FieldNode> ExtensionList { get; } = new();

    public Dictionary<string, ServiceNode> Services { get; } = new(StringComparer.Ordinal);

    public List<ServiceNode> ServiceList { get; } = new();

    public static Dictionary<string, PackageContents> Build(SchemaIndex index)
    {
        var result = new Dictionary<string, PackageContents>(StringComparer.Ordinal);
        foreach (var file in index.Files)
        {
            if (!result.TryGetValue(file.Package, out var package))
            {
                package = new PackageContents();
                result.Add(file.Package, package);
            }

            package.FilePaths.Add(file.Path);
            foreach (var message in file.MessageList)
            {
                if (!package.Messages.ContainsKey(message.NestedName))
                {
                    package.Messages.Add(message.NestedName, message);
                    package.MessageList.Add(message);
                }
            }

            foreach (var enumNode in file.EnumList)
            {
                if (!package.Enums.ContainsKey(enumNode.NestedName))
                {
                    package.Enums.Add(enumNode.NestedName, enumNode);
                    package.EnumList.Add(enumNode);
                }
            }

            foreach (var extension in file.ExtensionList)
            {
                if (!package.Extensions.ContainsKey(extension.NestedName))
                {
                    package.Extensions.Add(extension.NestedName, extension);
                    package.ExtensionList.Add(extension);
                }
            }

            foreach (var service in file.ServiceList)
            {
                if (!package.Services.ContainsKey(service.Name))
                {
                    package.Services.Add(service.Name, service);
                    package.ServiceList.Add(service);
                }
            }
        }

        return result;
    }
}
