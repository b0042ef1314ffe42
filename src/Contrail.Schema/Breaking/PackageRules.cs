using static Contrail.Schema.Breaking.GoFormat;

namespace Contrail.Schema.Breaking;

/// <summary>The PACKAGE rules: elements paired by package and nested name, wherever in the package they live.</summary>
/// <remarks>
/// buf indexes each kind by package, so a package left with no element of a kind is absent from that index and
/// its deletions of that kind go unreported; Contrail keeps that behaviour for parity.
/// </remarks>
internal static class PackageRules
{
    public static void PackageNoDelete(SchemaPair pair, RuleFindings findings)
    {
        foreach (var previous in pair.PreviousPackages)
        {
            if (!pair.CurrentPackages.ContainsKey(previous.Key))
            {
                // buf names the first of the package's old files (sorted) as the place; there is no current location.
                findings.Add(FindingSite.StartOf(previous.Value.FilePaths.Min!), FindingSite.None, $"Previously present package {Quote(previous.Key)} was deleted.");
            }
        }
    }

    public static void PackageMessageNoDelete(SchemaPair pair, RuleFindings findings)
    {
        foreach (var previousPackage in pair.PreviousPackages)
        {
            if (!pair.CurrentPackages.TryGetValue(previousPackage.Key, out var package) || package.Messages.Count == 0)
            {
                continue;
            }

            foreach (var previous in previousPackage.Value.MessageList)
            {
                if (!package.Messages.ContainsKey(previous.NestedName))
                {
                    findings.Add(
                        DeletedElementSites.InPackage(pair.Current, previous.File.Path, package.Messages, previous.NestedName),
                        FindingSite.Of(previous),
                        $"Previously present message {Quote(previous.NestedName)} was deleted from package {Quote(previousPackage.Key)}.");
                }
            }
        }
    }

    public static void PackageEnumNoDelete(SchemaPair pair, RuleFindings findings)
    {
        foreach (var previousPackage in pair.PreviousPackages)
        {
            if (!pair.CurrentPackages.TryGetValue(previousPackage.Key, out var package) || package.Enums.Count == 0)
            {
                continue;
            }

            foreach (var previous in previousPackage.Value.EnumList)
            {
                if (!package.Enums.ContainsKey(previous.NestedName))
                {
                    findings.Add(
                        DeletedElementSites.InFile(pair.Current, previous.File.Path, previous.NestedName),
                        FindingSite.Of(previous),
                        $"Previously present enum {Quote(previous.NestedName)} was deleted from package {Quote(previousPackage.Key)}.");
                }
            }
        }
    }

    public static void PackageExtensionNoDelete(SchemaPair pair, RuleFindings findings)
    {
        foreach (var previousPackage in pair.PreviousPackages)
        {
            if (!pair.CurrentPackages.TryGetValue(previousPackage.Key, out var package) || package.Extensions.Count == 0)
            {
                continue;
            }

            foreach (var previous in previousPackage.Value.ExtensionList)
            {
                if (!package.Extensions.ContainsKey(previous.NestedName))
                {
                    findings.Add(
                        DeletedElementSites.InFile(pair.Current, previous.File.Path, previous.NestedName),
                        FindingSite.Of(previous),
                        $"Previously present extension {Quote(previous.NestedName)} was deleted from package {Quote(previousPackage.Key)}.");
                }
            }
        }
    }

    public static void PackageServiceNoDelete(SchemaPair pair, RuleFindings findings)
    {
        foreach (var previousPackage in pair.PreviousPackages)
        {
            if (!pair.CurrentPackages.TryGetValue(previousPackage.Key, out var package) || package.Services.Count == 0)
            {
                continue;
            }

            foreach (var previous in previousPackage.Value.ServiceList)
            {
                if (!package.Services.ContainsKey(previous.Name))
                {
                    findings.Add(FindingSite.StartOf(previous.File.Path), FindingSite.Of(previous), $"Previously present service {Quote(previous.Name)} was deleted from package {Quote(previousPackage.Key)}.");
                }
            }
        }
    }
}
