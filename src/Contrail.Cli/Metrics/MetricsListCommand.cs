using System.CommandLine;
using Contrail.Cli.CommandLine;

namespace Contrail.Cli.Metrics;

/// <summary>
/// <c>contrail metrics list &lt;assembly-path&gt;... [--format markdown|json] [--output &lt;file&gt;]</c>:
/// the instruments of every given assembly's metrics manifest, merged and sorted by meter then name.
/// </summary>
internal static class MetricsListCommand
{
    /// <summary>The <c>[assembly: Contrail.MetricsManifestAttribute("&lt;json&gt;")]</c> that Contrail's generator emits.</summary>
    private static readonly AssemblyAttributeReader ManifestReader = new(
        "Contrail.MetricsManifestAttribute",
        what: "metrics manifest",
        jsonOwner: "manifest",
        stringIsOnlyParameter: true);

    /// <summary>Creates the <c>list</c> command.</summary>
    /// <param name="output">Where the command writes.</param>
    /// <returns>The command.</returns>
    public static Command Create(CliOutput output) =>
        new AssemblyListCommand<MetricsManifestEntry>
        {
            Description = "List the instruments of the assemblies' metrics manifests, sorted by meter then instrument name.",
            Reader = ManifestReader,
            Parse = MetricsManifestJson.Parse,
            Merge = MetricsManifestEntry.Merge,
            WriteMarkdown = MetricsManifestWriters.WriteMarkdown,
            WriteJson = MetricsManifestWriters.WriteJson,
            NoneInOneAssembly = path => $"no instruments found in '{path}' (it has no Contrail metrics manifest)",
            NoneInAssemblies = count => $"no instruments found in the {count} given assemblies (none has a Contrail metrics manifest)",
        }.Create(output);
}
