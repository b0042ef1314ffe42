using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace Contrail.Generators.Metrics;

/// <summary>
/// OpenTelemetry's naming rules for instruments, units and tags, one method per rule. Each answers with
/// the reason a name breaks the rule (the diagnostic's message argument), or <see langword="null"/>; the
/// parser decides where to report it.
/// </summary>
/// <remarks>
/// <list type="table">
/// <item><term>CTR3001</term><description><see cref="InstrumentNameSyntax"/></description></item>
/// <item><term>CTR3002</term><description><see cref="InstrumentNameStyle"/></description></item>
/// <item><term>CTR3003</term><description><see cref="UnitProblem"/></description></item>
/// <item><term>CTR3005</term><description><see cref="TagNameProblem"/> (names derived by <see cref="SnakeCase"/>)</description></item>
/// <item><term>CTR3012</term><description><see cref="LooksUnbounded"/> with <see cref="UnboundedTagPattern"/></description></item>
/// </list>
/// </remarks>
internal static class MetricNamingRules
{
    /// <summary>The default pattern of tag names that likely hold identifiers (CTR3012).</summary>
    public const string DefaultUnboundedTagPattern = @"(^|[._])(id|uuid|guid)$";

    // OpenTelemetry's instrument name syntax: what the SDK accepts at all.
    private static readonly Regex s_instrumentSyntax = new(@"^[A-Za-z][A-Za-z0-9_.\-/]{0,254}$", RegexOptions.CultureInvariant);

    // OpenTelemetry's naming guidance: lowercase snake_case segments, dot-separated namespaces.
    private static readonly Regex s_lowerDotted = new(@"^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*$", RegexOptions.CultureInvariant);

    private static readonly HashSet<string> s_ucumAtoms = new(StringComparer.Ordinal)
    {
        "1", "%", "s", "ms", "us", "ns", "min", "h", "d", "By", "kBy", "MBy", "GBy", "TBy", "KiBy", "MiBy", "GiBy", "TiBy",
        "bit", "kbit", "Mbit", "Gbit", "Hz", "kHz", "MHz", "GHz", "m", "km", "g", "kg", "Cel", "K", "W", "kW", "J", "kJ", "V", "A", "mA", "Ah",
    };

    private static readonly Dictionary<string, string> s_unitSuggestions = new(StringComparer.OrdinalIgnoreCase)
    {
        ["second"] = "s", ["seconds"] = "s", ["sec"] = "s", ["secs"] = "s",
        ["millisecond"] = "ms", ["milliseconds"] = "ms", ["msec"] = "ms",
        ["microseconds"] = "us", ["nanoseconds"] = "ns", ["minutes"] = "min", ["hours"] = "h", ["days"] = "d",
        ["byte"] = "By", ["bytes"] = "By", ["b"] = "By", ["kb"] = "kBy", ["mb"] = "MBy", ["gb"] = "GBy",
        ["percent"] = "%", ["bits"] = "bit",
    };

    /// <summary>CTR3001: why the SDK would reject the instrument name, or <see langword="null"/>.</summary>
    public static string? InstrumentNameSyntax(string? name)
    {
        if (name is not null && s_instrumentSyntax.IsMatch(name))
        {
            return null;
        }

        return string.IsNullOrEmpty(name) ? "it is empty"
            : name!.Length > 255 ? "it is longer than 255 characters"
            : !char.IsLetter(name[0]) || name[0] > 'z' ? "it must start with an ASCII letter"
            : "it may contain only ASCII letters, digits, '_', '.', '-' and '/'";
    }

    /// <summary>CTR3002: how a valid instrument name should change to follow the naming guidance, or <see langword="null"/>.</summary>
    public static string? InstrumentNameStyle(string name)
    {
        if (!s_lowerDotted.IsMatch(name))
        {
            return name.Any(char.IsUpper) ? "use lowercase, e.g. 'acme.shop.orders.placed'" : "use lowercase snake_case words separated by dots, e.g. 'acme.shop.checkout.duration'";
        }

        return name.IndexOf('.') < 0 ? "put it in a dot-separated namespace, e.g. 'acme.shop." + name + "'" : null;
    }

    /// <summary>CTR3003: why a unit is not UCUM-style, or <see langword="null"/>.</summary>
    public static string? UnitProblem(string unit)
    {
        if (unit.Length > 63 || unit.Any(c => c < '!' || c > '~'))
        {
            return "a unit is at most 63 printable ASCII characters without spaces";
        }

        if (s_unitSuggestions.TryGetValue(unit, out var suggestion))
        {
            return $"use '{suggestion}'";
        }

        // Units combine atoms with '/' and '.', and annotations in braces: "By/s", "{request}/s".
        foreach (var part in Regex.Split(unit, @"(?<!\{[^}]*)[/.](?![^{]*\})"))
        {
            var atom = part;
            if (atom.Length >= 2 && atom[0] == '{' && atom[atom.Length - 1] == '}' && atom.IndexOf('{', 1) < 0)
            {
                continue;
            }

            // An annotation may follow an atom: "By{compressed}".
            var brace = atom.IndexOf('{');
            if (brace > 0 && atom[atom.Length - 1] == '}')
            {
                atom = atom.Substring(0, brace);
            }

            if (!s_ucumAtoms.Contains(atom))
            {
                return $"'{part}' is not a known unit; use a UCUM unit such as 's', 'ms', 'By' or '1', or an annotation in braces for a count, such as '{{{part.Trim('{', '}').ToLowerInvariant()}}}'";
            }
        }

        return null;
    }

    /// <summary>CTR3005: why a tag name is not valid, or <see langword="null"/>.</summary>
    public static string? TagNameProblem(string name)
    {
        if (name.Length == 0)
        {
            return "a tag name cannot be empty";
        }

        if (name.Length > 255)
        {
            return "it is longer than 255 characters";
        }

        return s_lowerDotted.IsMatch(name) ? null : "use lowercase snake_case words separated by dots, e.g. 'acme.shop.region'";
    }

    /// <summary>The tag name for a parameter or property without one: <c>paymentMethod</c> becomes <c>payment_method</c>, <c>HTTPStatus</c> <c>http_status</c>.</summary>
    public static string SnakeCase(string name)
    {
        var builder = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c))
            {
                var previousIsLowerOrDigit = i > 0 && (char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1]));
                var startsWord = i > 0 && char.IsUpper(name[i - 1]) && i + 1 < name.Length && char.IsLower(name[i + 1]);
                if ((previousIsLowerOrDigit || startsWord) && builder.Length > 0 && builder[builder.Length - 1] != '_')
                {
                    builder.Append('_');
                }

                builder.Append(char.ToLowerInvariant(c));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>Compiles a configured CTR3012 pattern: <see langword="null"/> for none, the default for an unusable one.</summary>
    public static Regex? UnboundedTagPattern(string? configured)
    {
        if (configured is null)
        {
            return new Regex(DefaultUnboundedTagPattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        }

        if (configured.Trim().Length == 0 || string.Equals(configured.Trim(), "none", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        try
        {
            return new Regex(configured.Trim(), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));
        }
        catch (ArgumentException)
        {
            return new Regex(DefaultUnboundedTagPattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        }
    }

    /// <summary>CTR3012: whether a tag's name says it holds identifiers; a pattern that times out says no.</summary>
    public static bool LooksUnbounded(Regex pattern, string name)
    {
        try
        {
            return pattern.IsMatch(name);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }
}
