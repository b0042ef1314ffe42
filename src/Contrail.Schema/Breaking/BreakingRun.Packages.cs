using System;
using System.Collections.Generic;

namespace Contrail.Schema.Breaking;

/// <summary>The PACKAGE rules: elements paired by package and nested name, wherever in the package they live.</summary>
internal sealed partial class BreakingRun
{
    private void CheckPackages()
    {
        if (!(On("PACKAGE_NO_DELETE") || On("PACKAGE_MESSAGE_NO_DELETE") || On("PACKAGE_ENUM_NO_DELETE") || On("PACKAGE_EXTENSION_NO_DELETE") || On("PACKAGE_SERVICE_NO_DELETE")))
        {
            return;
        }

        var packages = PackageContents.Build(current);
        var previousPackages = PackageContents.Build(against);
        foreach (var previousPair in previousPackages)
        {
            var packageName = previousPair.Key;
            var previous = previousPair.Value;
            if (!packages.TryGetValue(packageName, out var package))
            {
                if (On("PACKAGE_NO_DELETE"))
                {
                    // buf names the first of the package's old files (sorted) as the place; there is no current location.
                    var firstPath = previous.FilePaths.Min!;
                    Add("PACKAGE_NO_DELETE", firstPath, null, null, null, null, $"Previously present package {Quote(packageName)} was deleted.");
                }

                continue;
            }

            // buf indexes each kind by package, so a package left with no element of a kind is absent from that index
            // and its deletions of that kind go unreported; Contrail keeps that behaviour for parity.
            if (On("PACKAGE_MESSAGE_NO_DELETE") && package.Messages.Count > 0)
            {
                foreach (var previousMessage in previous.MessageList)
                {
                    if (package.Messages.ContainsKey(previousMessage.NestedName))
                    {
                        continue;
                    }

                    var (path, file, location) = DeletedInPackage(previousMessage.File.Path, package.Messages, previousMessage.NestedName);
                    Add("PACKAGE_MESSAGE_NO_DELETE", path, file, location, previousMessage.File, previousMessage.Path, $"Previously present message {Quote(previousMessage.NestedName)} was deleted from package {Quote(packageName)}.");
                }
            }

            if (On("PACKAGE_ENUM_NO_DELETE") && package.Enums.Count > 0)
            {
                foreach (var previousEnum in previous.EnumList)
                {
                    if (package.Enums.ContainsKey(previousEnum.NestedName))
                    {
                        continue;
                    }

                    var (path, file, location) = DeletedInFile(previousEnum.File.Path, previousEnum.NestedName);
                    Add("PACKAGE_ENUM_NO_DELETE", path, file, location, previousEnum.File, previousEnum.Path, $"Previously present enum {Quote(previousEnum.NestedName)} was deleted from package {Quote(packageName)}.");
                }
            }

            if (On("PACKAGE_EXTENSION_NO_DELETE") && package.Extensions.Count > 0)
            {
                foreach (var previousExtension in previous.ExtensionList)
                {
                    if (package.Extensions.ContainsKey(previousExtension.NestedName))
                    {
                        continue;
                    }

                    var (path, file, location) = DeletedInFile(previousExtension.File.Path, previousExtension.NestedName);
                    Add("PACKAGE_EXTENSION_NO_DELETE", path, file, location, previousExtension.File, previousExtension.Path, $"Previously present extension {Quote(previousExtension.NestedName)} was deleted from package {Quote(packageName)}.");
                }
            }

            if (On("PACKAGE_SERVICE_NO_DELETE") && package.Services.Count > 0)
            {
                foreach (var previousService in previous.ServiceList)
                {
                    if (package.Services.ContainsKey(previousService.Name))
                    {
                        continue;
                    }

                    Add("PACKAGE_SERVICE_NO_DELETE", previousService.File.Path, null, null, previousService.File, previousService.Path, $"Previously present service {Quote(previousService.Name)} was deleted from package {Quote(packageName)}.");
                }
            }
        }
    }

    /// <summary>
    /// Where buf reports an element deleted from a package: in the current file with the old file's path, at the
    /// nearest surviving parent message found in the package (which may live in another file). When that file is
    /// gone too, buf gives no path; Contrail names the deleted file at line 1, as it does for FILE_NO_DELETE.
    /// </summary>
    private (string Path, FileNode? File, int[]? Location) DeletedInPackage(string previousPath, Dictionary<string, MessageNode> packageMessages, string nestedName)
    {
        if (!current.FilesByPath.TryGetValue(previousPath, out var file))
        {
            return (previousPath, null, null);
        }

        var parent = SurvivingParent(packageMessages, nestedName);
        return parent is null ? (file.Path, file, null) : (parent.File.Path, parent.File, parent.Path);
    }

    private (string Path, FileNode? File, int[]? Location) DeletedInFile(string previousPath, string nestedName)
    {
        if (!current.FilesByPath.TryGetValue(previousPath, out var file))
        {
            return (previousPath, null, null);
        }

        var parent = SurvivingParent(file.Messages, nestedName);
        return parent is null ? (file.Path, file, null) : (file.Path, file, parent.Path);
    }

    /// <summary>Everything one package declares across its files, by nested name.</summary>
    private sealed class PackageContents
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
}
