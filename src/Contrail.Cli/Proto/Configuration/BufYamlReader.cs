using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Contrail.Schema.Breaking;

namespace Contrail.Cli.Proto.Configuration;

/// <summary>
/// Reads the parts of a buf.yaml (version v2, v1 or v1beta1) that <c>buf breaking</c> uses: <c>version</c>,
/// the <c>breaking:</c> section (<c>use</c>, <c>except</c>, <c>ignore</c>, <c>ignore_only</c>,
/// <c>ignore_unstable_packages</c>) and, for v2, each module's <c>path</c> and own <c>breaking:</c>.
/// </summary>
/// <remarks>
/// Strict as buf is: an unknown key, a value of the wrong kind or an unknown rule or category is an error
/// (<see cref="BufYamlException"/>, <c>buf.yaml:line:col: message</c>). The other top-level sections (lint,
/// deps, plugins, ...) are recognised and skipped.
/// </remarks>
internal static class BufYamlReader
{
    /// <summary>The file name buf looks for.</summary>
    public const string FileName = "buf.yaml";

    private static readonly string[] s_v2TopLevelKeys = { "version", "name", "modules", "deps", "lint", "breaking", "plugins", "policies" };
    private static readonly string[] s_v1TopLevelKeys = { "version", "name", "deps", "build", "lint", "breaking" };
    private static readonly string[] s_v2ModuleKeys = { "path", "name", "excludes", "includes", "lint", "breaking" };
    private static readonly string[] s_breakingKeys = { "use", "except", "ignore", "ignore_only", "ignore_unstable_packages", "against_git_recurse_submodules" };

    /// <summary>Reads a buf.yaml file.</summary>
    /// <param name="path">The file; it also names the file in error messages.</param>
    /// <returns>The configuration.</returns>
    /// <exception cref="BufYamlException">The file is not a valid buf.yaml (or cannot be read: line and column are then 1).</exception>
    public static BufConfiguration ReadFile(string path)
    {
        if (path is null)
        {
            throw new ArgumentNullException(nameof(path));
        }

        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new BufYamlException(path, 1, 1, exception is FileNotFoundException or DirectoryNotFoundException
                ? "file not found"
                : "cannot be read: " + exception.Message.Replace('\n', ' ').Replace('\r', ' '));
        }

        return Read(text, path);
    }

    /// <summary>Reads buf.yaml text.</summary>
    /// <param name="text">The YAML.</param>
    /// <param name="path">The file's name in error messages.</param>
    /// <returns>The configuration.</returns>
    /// <exception cref="BufYamlException">The text is not a valid buf.yaml.</exception>
    public static BufConfiguration Read(string text, string path)
    {
        if (text is null)
        {
            throw new ArgumentNullException(nameof(text));
        }

        if (path is null)
        {
            throw new ArgumentNullException(nameof(path));
        }

        var root = YamlSubsetParser.Parse(text, path);
        if (root.Kind != YamlNodeKind.Mapping)
        {
            throw Error(path, root, $"expected a map of buf.yaml keys, found {root.Describe()}");
        }

        var versionNode = Find(root, "version");
        var version = versionNode is null ? "v1beta1" : Scalar(path, versionNode, "version");
        if (version is not ("v1beta1" or "v1" or "v2"))
        {
            throw Error(path, versionNode!, $"unknown version '{version}' (expected v1beta1, v1 or v2)");
        }

        CheckKeys(path, root, version == "v2" ? s_v2TopLevelKeys : s_v1TopLevelKeys, "buf.yaml " + version);
        var breaking = ReadBreaking(path, Find(root, "breaking"));
        var modules = new List<BufModule>();
        if (version == "v2" && Find(root, "modules") is { } modulesNode && !modulesNode.IsNull)
        {
            if (modulesNode.Kind != YamlNodeKind.Sequence)
            {
                throw Error(path, modulesNode, $"'modules' must be a list, found {modulesNode.Describe()}");
            }

            foreach (var moduleNode in modulesNode.Items)
            {
                if (moduleNode.Kind != YamlNodeKind.Mapping)
                {
                    throw Error(path, moduleNode, $"a module must be a map with a 'path', found {moduleNode.Describe()}");
                }

                CheckKeys(path, moduleNode, s_v2ModuleKeys, "a module");
                var pathNode = Find(moduleNode, "path") ?? throw Error(path, moduleNode, "a module needs a 'path'");
                var modulePath = Scalar(path, pathNode, "path");
                var moduleBreaking = Find(moduleNode, "breaking") is { } node ? ReadBreaking(path, node) : null;
                modules.Add(new BufModule(modulePath, moduleBreaking));
            }
        }

        return new BufConfiguration(path, version, breaking, modules);
    }

    private static BreakingOptions ReadBreaking(string path, YamlNode? node)
    {
        if (node is null || node.IsNull)
        {
            return new BreakingOptions();
        }

        if (node.Kind != YamlNodeKind.Mapping)
        {
            throw Error(path, node, $"'breaking' must be a map, found {node.Describe()}");
        }

        CheckKeys(path, node, s_breakingKeys, "'breaking'");
        var ignoreOnly = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        if (Find(node, "ignore_only") is { } ignoreOnlyNode && !ignoreOnlyNode.IsNull)
        {
            if (ignoreOnlyNode.Kind != YamlNodeKind.Mapping)
            {
                throw Error(path, ignoreOnlyNode, $"'ignore_only' must be a map of rule or category to paths, found {ignoreOnlyNode.Describe()}");
            }

            foreach (var entry in ignoreOnlyNode.Entries)
            {
                var rule = entry.Key.Value ?? string.Empty;
                CheckRule(path, entry.Key, rule);
                ignoreOnly[rule] = Paths(path, entry.Value, rule);
            }
        }

        var unstable = false;
        if (Find(node, "ignore_unstable_packages") is { } unstableNode && !unstableNode.IsNull)
        {
            unstable = Boolean(path, unstableNode, "ignore_unstable_packages");
        }

        var options = new BreakingOptions
        {
            Use = Rules(path, Find(node, "use"), "use"),
            Except = Rules(path, Find(node, "except"), "except"),
            Ignore = Paths(path, Find(node, "ignore"), "ignore"),
            IgnoreOnly = ignoreOnly,
            IgnoreUnstablePackages = unstable,
        };

        try
        {
            // The engine's own check of the whole section (e.g. an ID both used and excepted), located here.
            BreakingRules.Select(options);
        }
        catch (BreakingConfigurationException exception)
        {
            var at = Find(node, "except") is { } except && except.Items.FirstOrDefault(item => item.Value == exception.OffendingValue) is { } item
                ? item
                : node;
            throw Error(path, at, exception.Message);
        }

        return options;
    }

    private static IReadOnlyList<string> Rules(string path, YamlNode? node, string key)
    {
        var names = new List<string>();
        foreach (var item in StringList(path, node, key))
        {
            CheckRule(path, item, item.Value!);
            names.Add(item.Value!);
        }

        return names;
    }

    private static IReadOnlyList<string> Paths(string path, YamlNode? node, string key)
    {
        var paths = new List<string>();
        foreach (var item in StringList(path, node, key))
        {
            var value = item.Value!.Replace('\\', '/');
            if (value.StartsWith("/", StringComparison.Ordinal) || value.Split('/').Contains(".."))
            {
                throw Error(path, item, $"'{item.Value}' must be a relative path inside the workspace");
            }

            paths.Add(BufConfiguration.Normalize(value));
        }

        return paths;
    }

    private static IEnumerable<YamlNode> StringList(string path, YamlNode? node, string key)
    {
        if (node is null || node.IsNull)
        {
            yield break;
        }

        if (node.Kind != YamlNodeKind.Sequence)
        {
            throw Error(path, node, $"'{key}' must be a list, found {node.Describe()}");
        }

        foreach (var item in node.Items)
        {
            if (item.Kind != YamlNodeKind.Scalar || item.Value is null || item.Value.Length == 0)
            {
                throw Error(path, item, $"'{key}' must list strings, found {item.Describe()}");
            }

            yield return item;
        }
    }

    private static void CheckRule(string path, YamlNode node, string name)
    {
        if (!IsKnownRule(name))
        {
            var hint = IsKnownRule(name.ToUpperInvariant()) ? $" (rule IDs are upper case: {name.ToUpperInvariant()})" : string.Empty;
            throw Error(path, node, $"unknown breaking rule or category '{name}'{hint}");
        }
    }

    private static bool IsKnownRule(string name)
    {
        try
        {
            BreakingRules.Expand(name);
            return true;
        }
        catch (BreakingConfigurationException)
        {
            return false;
        }
    }

    private static string Scalar(string path, YamlNode node, string key)
    {
        if (node.Kind != YamlNodeKind.Scalar || node.Value is null)
        {
            throw Error(path, node, $"'{key}' must be a string, found {node.Describe()}");
        }

        return node.Value;
    }

    private static bool Boolean(string path, YamlNode node, string key)
    {
        if (node.Kind == YamlNodeKind.Scalar && !node.IsQuoted)
        {
            switch (node.Value)
            {
                case "true":
                case "True":
                case "TRUE":
                    return true;
                case "false":
                case "False":
                case "FALSE":
                    return false;
            }
        }

        throw Error(path, node, $"'{key}' must be true or false");
    }

    private static void CheckKeys(string path, YamlNode mapping, string[] known, string where)
    {
        foreach (var entry in mapping.Entries)
        {
            if (Array.IndexOf(known, entry.Key.Value) < 0)
            {
                throw Error(path, entry.Key, $"unknown key '{entry.Key.Value}' in {where} (expected one of: {string.Join(", ", known)})");
            }
        }
    }

    private static YamlNode? Find(YamlNode mapping, string key)
    {
        foreach (var entry in mapping.Entries)
        {
            if (entry.Key.Value == key)
            {
                return entry.Value;
            }
        }

        return null;
    }

    private static BufYamlException Error(string path, YamlNode node, string problem) => new(path, node.Line, node.Column, problem);
}
