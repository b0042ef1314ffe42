using System.Collections.Generic;

namespace Contrail.Schema.Breaking;

/// <summary>Where buf places a finding about an element that no longer exists: at its nearest surviving parent.</summary>
internal static class DeletedElementSites
{
    /// <summary>The nearest enclosing message of a deleted element that still exists (buf's getDescriptorAndLocationForDeletedElement).</summary>
    public static MessageNode? SurvivingParent(Dictionary<string, MessageNode> messages, string previousNestedName)
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

    /// <summary>
    /// An element deleted from a package: in the current file with the old file's path, at the nearest surviving
    /// parent message found in the package (which may live in another file). When that file is gone too, buf gives
    /// no path; Contrail names the deleted file at line 1, as it does for FILE_NO_DELETE.
    /// </summary>
    public static FindingSite InPackage(SchemaIndex current, string previousPath, Dictionary<string, MessageNode> packageMessages, string nestedName)
    {
        if (!current.FilesByPath.TryGetValue(previousPath, out var file))
        {
            return FindingSite.StartOf(previousPath);
        }

        var parent = SurvivingParent(packageMessages, nestedName);
        return parent is null ? FindingSite.In(file, null) : FindingSite.Of(parent);
    }

    /// <summary>An element deleted from a package, placed only among the messages of its old file (buf's enum and extension handlers).</summary>
    public static FindingSite InFile(SchemaIndex current, string previousPath, string nestedName)
    {
        if (!current.FilesByPath.TryGetValue(previousPath, out var file))
        {
            return FindingSite.StartOf(previousPath);
        }

        var parent = SurvivingParent(file.Messages, nestedName);
        return FindingSite.In(file, parent?.Path);
    }
}
