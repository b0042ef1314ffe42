using System;
using System.Collections.Generic;
using System.IO;
using Contrail.Schema.Breaking;

namespace Contrail.Cli.Proto.Configuration;

/// <summary>A buf.yaml found for an input directory, and the input's module directory relative to it.</summary>
/// <param name="Configuration">The configuration read from the file.</param>
/// <param name="ModuleDirectory">The input directory relative to the buf.yaml's directory ('/' separators, empty for the same directory).</param>
internal sealed record LocatedBufYaml(BufConfiguration Configuration, string ModuleDirectory)
{
    /// <summary>The options that apply to the input (<see cref="BufConfiguration.OptionsFor(string)"/>).</summary>
    public BreakingOptions Options => Configuration.OptionsFor(ModuleDirectory);
}

/// <summary>
/// Finds the buf.yaml that configures an input directory, as buf does: the nearest buf.yaml in the
/// directory or above it. It applies when it is in the directory itself (any version), or it is a v2
/// workspace file whose <c>modules</c> list the directory. The search stops at the nearest buf.yaml either way.
/// </summary>
internal static class BufYamlLocator
{
    /// <summary>Finds and reads the buf.yaml for <paramref name="inputDirectory"/>, or returns null when none applies.</summary>
    /// <param name="inputDirectory">The input directory as the user named it.</param>
    /// <returns>The configuration and module directory, or null.</returns>
    /// <exception cref="BufYamlException">The nearest buf.yaml is not valid.</exception>
    public static LocatedBufYaml? Locate(string inputDirectory)
    {
        if (inputDirectory is null)
        {
            throw new ArgumentNullException(nameof(inputDirectory));
        }

        if (!Directory.Exists(inputDirectory))
        {
            return null;
        }

        var segments = new List<string>();
        var directory = new DirectoryInfo(Path.GetFullPath(inputDirectory));
        while (directory is not null)
        {
            var candidate = Path.Combine(directory.FullName, BufYamlReader.FileName);
            if (File.Exists(candidate))
            {
                var display = segments.Count == 0 ? Path.Combine(inputDirectory, BufYamlReader.FileName) : candidate;
                var configuration = BufYamlReader.ReadFile(display);
                segments.Reverse();
                var module = string.Join("/", segments);
                return configuration.Describes(module) ? new LocatedBufYaml(configuration, module) : null;
            }

            segments.Add(directory.Name);
            directory = directory.Parent;
        }

        return null;
    }
}
