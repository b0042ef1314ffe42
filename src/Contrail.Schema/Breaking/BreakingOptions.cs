using System;
using System.Collections.Generic;

namespace Contrail.Schema.Breaking;

/// <summary>
/// What to check, with the meaning of buf.yaml's <c>breaking:</c> section (version v2).
/// </summary>
public sealed class BreakingOptions
{
    /// <summary>The options buf uses without configuration: the FILE category.</summary>
    public static BreakingOptions Default => new();

    /// <summary>Rule IDs and category names to check (buf's <c>use</c>); empty means FILE. Deprecated IDs are accepted and mapped to their replacements.</summary>
    public IReadOnlyList<string> Use { get; init; } = Array.Empty<string>();

    /// <summary>Rule IDs and category names not to check (buf's <c>except</c>).</summary>
    public IReadOnlyList<string> Except { get; init; } = Array.Empty<string>();

    /// <summary>Paths (files or directories, relative to the input root) no rule is checked on (buf's <c>ignore</c>).</summary>
    public IReadOnlyList<string> Ignore { get; init; } = Array.Empty<string>();

    /// <summary>Per rule ID or category, paths it is not checked on (buf's <c>ignore_only</c>).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> IgnoreOnly { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>Whether packages with an unstable version suffix (<c>v1alpha1</c>, <c>v1beta1</c>, <c>v1test</c>) are skipped (buf's <c>ignore_unstable_packages</c>).</summary>
    public bool IgnoreUnstablePackages { get; init; }
}
