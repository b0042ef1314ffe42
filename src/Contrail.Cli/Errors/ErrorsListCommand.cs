using System.CommandLine;
using Contrail.Cli.CommandLine;

namespace Contrail.Cli.Errors;

/// <summary>
/// <c>contrail errors list &lt;assembly-path&gt;... [--format markdown|json] [--output &lt;file&gt;]</c>:
/// the errors of every given assembly's catalog, merged and sorted by domain then reason.
/// </summary>
internal static class ErrorsListCommand
{
    /// <summary>
    /// The <c>[assembly: Contrail.ErrorCatalogAttribute("&lt;json&gt;")]</c> that Contrail's generator emits.
    /// Its constructor may gain parameters after the JSON, so only the first one has to be the string.
    /// </summary>
    private static readonly AssemblyAttributeReader CatalogReader = new(
        "Contrail.ErrorCatalogAttribute",
        what: "error catalog",
        jsonOwner: "catalog",
        stringIsOnlyParameter: false);

    /// <summary>Creates the <c>list</c> command.</summary>
    /// <param name="output">Where the command writes.</param>
    /// <returns>The command.</returns>
    public static Command Create(CliOutput output) =>
        new AssemblyListCommand<ErrorCatalogEntry>
        {
            Description = "List the errors of the assemblies' error catalogs, sorted by domain then reason.",
            Reader = CatalogReader,
            Parse = ErrorCatalogJson.Parse,
            Merge = ErrorCatalogEntry.Merge,
            WriteMarkdown = MarkdownCatalogWriter.Write,
            WriteJson = JsonCatalogWriter.Write,
            NoneInOneAssembly = path => $"no [GrpcError] errors found in '{path}' (it has no Contrail error catalog)",
            NoneInAssemblies = count => $"no [GrpcError] errors found in the {count} given assemblies (none has a Contrail error catalog)",
        }.Create(output);
}
