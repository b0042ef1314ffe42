using System;
using System.Collections.Generic;
using System.Linq;
using Contrail.Schema.Breaking;

namespace Contrail.Cli.Proto.Configuration;

/// <summary>One module of a buf.yaml v2 workspace: its directory and, when it has one, its own <c>breaking:</c> section.</summary>
/// <param name="Path">The module's directory relative to the buf.yaml's directory, '/' separators, <c>.</c> for the same directory.</param>
/// <param name="Breaking">The module's own <c>breaking:</c> section, which replaces the workspace's, or null.</param>
internal sealed record BufModule(string Path, BreakingOptions? Breaking);

/// <summary>What Contrail reads from a buf.yaml: its version, the <c>breaking:</c> section and (v2) the modules.</summary>
internal sealed class BufConfiguration
{
    /// <summary>Creates the configuration.</summary>
    /// <param name="path">The file as the user named it.</param>
    /// <param name="version">The file's <c>version</c>: <c>v1beta1</c>, <c>v1</c> or <c>v2</c>.</param>
    /// <param name="breaking">The top-level <c>breaking:</c> section (default options when absent).</param>
    /// <param name="modules">The v2 modules (empty for v1, and for a v2 file without <c>modules</c>).</param>
    public BufConfiguration(string path, string version, BreakingOptions breaking, IReadOnlyList<BufModule> modules)
    {
        Path = path ?? throw new ArgumentNullException(nameof(path));
        Version = version ?? throw new ArgumentNullException(nameof(version));
        Breaking = breaking ?? throw new ArgumentNullException(nameof(breaking));
        Modules = modules ?? throw new ArgumentNullException(nameof(modules));
    }

    /// <summary>The file as the user named it.</summary>
    public string Path { get; }

    /// <summary>The file's <c>version</c>.</summary>
    public string Version { get; }

    /// <summary>The top-level <c>breaking:</c> section; its paths are relative to the buf.yaml's directory.</summary>
    public BreakingOptions Breaking { get; }

    /// <summary>The v2 modules.</summary>
    public IReadOnlyList<BufModule> Modules { get; }

    /// <summary>
    /// Finds the module at <paramref name="directory"/> (relative to the buf.yaml's directory, '/' separators,
    /// <c>.</c> or empty for the same directory): a v1 file, or a v2 file without modules, describes its own
    /// directory only.
    /// </summary>
    /// <param name="directory">The input directory relative to the buf.yaml's directory.</param>
    /// <returns>Whether the configuration describes that directory.</returns>
    public bool Describes(string directory)
    {
        var normalized = Normalize(directory);
        return Modules.Count == 0 ? normalized.Length == 0 : Modules.Any(module => Normalize(module.Path) == normalized);
    }

    /// <summary>
    /// The options for the input at <paramref name="directory"/> (relative to the buf.yaml's directory): the
    /// module's own section when it has one, else the top-level one, with every path made relative to the
    /// module's directory, since file paths in a compiled image are. Paths outside the module are dropped: no
    /// file of the input can match them.
    /// </summary>
    /// <param name="directory">The input directory relative to the buf.yaml's directory; <c>.</c> or empty for the same directory.</param>
    /// <returns>The options.</returns>
    public BreakingOptions OptionsFor(string directory)
    {
        var normalized = Normalize(directory);
        var module = Modules.FirstOrDefault(m => Normalize(m.Path) == normalized);
        var section = module?.Breaking ?? Breaking;

        // v1 paths are relative to the module (where the buf.yaml is); v2 paths to the workspace root.
        if (Version != "v2" || normalized.Length == 0)
        {
            return section;
        }

        return new BreakingOptions
        {
            Use = section.Use,
            Except = section.Except,
            IgnoreUnstablePackages = section.IgnoreUnstablePackages,
            Ignore = Rebase(section.Ignore, normalized),
            IgnoreOnly = section.IgnoreOnly.ToDictionary(
                entry => entry.Key,
                entry => Rebase(entry.Value, normalized),
                StringComparer.Ordinal),
        };
    }

    private static IReadOnlyList<string> Rebase(IReadOnlyList<string> paths, string module)
    {
        var result = new List<string>();
        foreach (var path in paths)
        {
            var normalized = Normalize(path);
            if (normalized == module)
            {
                result.Add(".");
            }
            else if (normalized.StartsWith(module + "/", StringComparison.Ordinal))
            {
                result.Add(normalized.Substring(module.Length + 1));
            }
        }

        return result;
    }

    internal static string Normalize(string path)
    {
        var normalized = (path ?? string.Empty).Replace('\\', '/');
        while (normalized.StartsWith("./", StringComparison.Ordinal))
        {
            normalized = normalized.Substring(2);
        }

        normalized = normalized.Trim('/');
        return normalized == "." ? string.Empty : normalized;
    }
}
