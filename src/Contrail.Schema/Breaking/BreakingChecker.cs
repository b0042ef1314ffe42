using System;
using System.Collections.Generic;
using System.Linq;
using Google.Protobuf.Reflection;

namespace Contrail.Schema.Breaking;

/// <summary>Compares a current schema with a baseline using buf's breaking rules.</summary>
public static class BreakingChecker
{
    /// <summary>
    /// Every breaking change from <paramref name="against"/> to <paramref name="current"/> that the rules
    /// selected by <paramref name="options"/> find, in buf's order (path, line, column, rule ID, message), duplicates dropped as buf drops them.
    /// Only the current image's own files (not imports) are checked, and files deleted from the baseline's own files.
    /// </summary>
    /// <exception cref="BreakingConfigurationException"><paramref name="options"/> names an unknown rule or category.</exception>
    public static IReadOnlyList<BreakingFinding> Check(SchemaImage current, SchemaImage against, BreakingOptions options)
    {
        if (current is null)
        {
            throw new ArgumentNullException(nameof(current));
        }

        if (against is null)
        {
            throw new ArgumentNullException(nameof(against));
        }

        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }

        var selected = BreakingRules.Select(options);
        var ignoreOnly = ExpandIgnoreOnly(options);

        var currentIndex = new SchemaIndex(current.OwnFiles);
        var againstIndex = new SchemaIndex(against.OwnFiles);
        var run = new BreakingRun(currentIndex, againstIndex, current, against, selected);
        run.Execute();

        var ignore = NormalizePaths(options.Ignore);
        var result = new List<BreakingFinding>(run.Findings.Count);
        var seen = new HashSet<(string, int, int, int, int, string, string)>();
        foreach (var finding in run.Findings)
        {
            if (IsIgnored(finding, ignore, ignoreOnly, options.IgnoreUnstablePackages, currentIndex, againstIndex))
            {
                continue;
            }

            // buf drops a finding identical to an earlier one (same place, rule and message).
            var location = finding.Location;
            if (seen.Add((location.Path, location.StartLine, location.StartColumn, location.EndLine, location.EndColumn, finding.RuleId, finding.Message)))
            {
                result.Add(finding);
            }
        }

        result.Sort(CompareFindings);
        return result;
    }

    /// <summary>buf's output order: path, start line, start column, rule ID, message, end line, end column.</summary>
    internal static int CompareFindings(BreakingFinding x, BreakingFinding y)
    {
        var order = string.CompareOrdinal(x.Location.Path, y.Location.Path);
        if (order == 0)
        {
            order = x.Location.StartLine.CompareTo(y.Location.StartLine);
        }

        if (order == 0)
        {
            order = x.Location.StartColumn.CompareTo(y.Location.StartColumn);
        }

        if (order == 0)
        {
            order = string.CompareOrdinal(x.RuleId, y.RuleId);
        }

        if (order == 0)
        {
            order = string.CompareOrdinal(x.Message, y.Message);
        }

        if (order == 0)
        {
            order = x.Location.EndLine.CompareTo(y.Location.EndLine);
        }

        if (order == 0)
        {
            order = x.Location.EndColumn.CompareTo(y.Location.EndColumn);
        }

        return order;
    }

    private static Dictionary<string, List<string>> ExpandIgnoreOnly(BreakingOptions options)
    {
        var result = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var pair in options.IgnoreOnly)
        {
            foreach (var id in BreakingRules.Expand(pair.Key))
            {
                if (!result.TryGetValue(id, out var paths))
                {
                    paths = new List<string>();
                    result.Add(id, paths);
                }

                paths.AddRange(NormalizePaths(pair.Value));
            }
        }

        return result;
    }

    private static List<string> NormalizePaths(IReadOnlyList<string> paths)
    {
        var result = new List<string>(paths.Count);
        foreach (var path in paths)
        {
            var normalized = path.Replace('\\', '/').Trim();
            while (normalized.StartsWith("./", StringComparison.Ordinal))
            {
                normalized = normalized.Substring(2);
            }

            normalized = normalized.TrimEnd('/');
            if (normalized.Length == 0 || normalized == ".")
            {
                // "." ignores the whole input, as buf's equal-or-containing path match does.
                normalized = string.Empty;
            }

            result.Add(normalized);
        }

        return result;
    }

    private static bool IsIgnored(
        BreakingFinding finding,
        List<string> ignore,
        Dictionary<string, List<string>> ignoreOnly,
        bool ignoreUnstablePackages,
        SchemaIndex currentIndex,
        SchemaIndex againstIndex)
    {
        // buf tests the finding's file in the current image, then its file in the baseline. A finding about a
        // deleted file is placed at that file's old path, which only the baseline holds.
        var path = finding.Location.Path;
        if (currentIndex.FilesByPath.TryGetValue(path, out var currentFile))
        {
            if (IsIgnoredFile(finding.RuleId, currentFile, ignore, ignoreOnly, ignoreUnstablePackages))
            {
                return true;
            }
        }
        else if (againstIndex.FilesByPath.TryGetValue(path, out var deletedFile)
            && IsIgnoredFile(finding.RuleId, deletedFile, ignore, ignoreOnly, ignoreUnstablePackages))
        {
            return true;
        }

        var againstPath = finding.BaselineLocation?.Path;
        return againstPath is not null
            && againstIndex.FilesByPath.TryGetValue(againstPath, out var againstFile)
            && IsIgnoredFile(finding.RuleId, againstFile, ignore, ignoreOnly, ignoreUnstablePackages);
    }

    private static bool IsIgnoredFile(string ruleId, FileNode file, List<string> ignore, Dictionary<string, List<string>> ignoreOnly, bool ignoreUnstablePackages)
    {
        if (MatchesAny(file.Path, ignore))
        {
            return true;
        }

        if (ignoreOnly.TryGetValue(ruleId, out var paths) && MatchesAny(file.Path, paths))
        {
            return true;
        }

        return ignoreUnstablePackages && PackageVersion.IsUnstable(file.Package);
    }

    private static bool MatchesAny(string path, List<string> candidates)
    {
        foreach (var candidate in candidates)
        {
            if (candidate.Length == 0
                || string.Equals(path, candidate, StringComparison.Ordinal)
                || (path.Length > candidate.Length && path[candidate.Length] == '/' && path.StartsWith(candidate, StringComparison.Ordinal)))
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>buf's reading of a package's version component (<c>v1</c>, <c>v1beta1</c>, <c>v2alpha</c>, <c>v1test</c>).</summary>
internal static class PackageVersion
{
    /// <summary>Whether the package's last component is an alpha, beta or test version.</summary>
    public static bool IsUnstable(string package)
    {
        if (string.IsNullOrEmpty(package))
        {
            return false;
        }

        var component = package.Substring(package.LastIndexOf('.') + 1);
        if (component.Length < 2 || component[0] != 'v')
        {
            return false;
        }

        var version = component.Substring(1);
        var test = version.IndexOf("test", StringComparison.Ordinal);
        if (test >= 0)
        {
            return IsNumber(version.Substring(0, test));
        }

        var alpha = version.IndexOf("alpha", StringComparison.Ordinal);
        var beta = version.IndexOf("beta", StringComparison.Ordinal);
        if ((alpha >= 0) == (beta >= 0))
        {
            return false;
        }

        var split = alpha >= 0 ? alpha : beta;
        var keyword = alpha >= 0 ? "alpha" : "beta";
        var minor = version.Substring(split + keyword.Length);
        if (minor.Length > 0 && !IsNumber(minor))
        {
            return false;
        }

        // The major part is a number, optionally followed by p<patch> (v1p1beta1).
        var major = version.Substring(0, split);
        var p = major.IndexOf('p');
        return p >= 0 ? IsNumber(major.Substring(0, p)) && IsNumber(major.Substring(p + 1)) : IsNumber(major);
    }

    private static bool IsNumber(string text)
    {
        if (text.Length == 0 || (text.Length > 1 && text[0] == '0'))
        {
            return false;
        }

        foreach (var c in text)
        {
            if (c < '0' || c > '9')
            {
                return false;
            }
        }

        return text != "0";
    }
}
