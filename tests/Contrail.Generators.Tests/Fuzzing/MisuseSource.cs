using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace Contrail.Generators.Tests.Fuzzing;

/// <summary>
/// One fuzz case's source file as the declaration writers assemble it: its usings, assembly
/// attributes, the members of its namespace and of sibling namespaces.
/// </summary>
internal sealed class MisuseSource
{
    private readonly SortedSet<string> _usings = new(StringComparer.Ordinal);
    private readonly HashSet<string> _droppedUsings = new(StringComparer.Ordinal);
    private readonly List<string> _assemblyAttributes = new();
    private readonly StringBuilder _members = new();
    private readonly StringBuilder _otherNamespaces = new();
    private readonly FuzzRandom _random;

    public MisuseSource(FuzzRandom random, NamespaceStyle style)
    {
        _random = random;
        Style = style;
    }

    public NamespaceStyle Style { get; }

    /// <summary>Whether members may go into a second namespace (a file-scoped namespace allows none).</summary>
    public bool CanAddNamespaces => Style != NamespaceStyle.FileScoped;

    /// <summary>Adds usings; each may be left out, the "missing using" misuse (never <c>Contrail</c>, without which nothing is Contrail's).</summary>
    public void Use(params string[] namespaces)
    {
        foreach (var ns in namespaces)
        {
            if (_usings.Contains(ns) || _droppedUsings.Contains(ns))
            {
                continue;
            }

            if (ns != "Contrail" && _random.Chance(_random.MisuseRate / 4))
            {
                _droppedUsings.Add(ns);
            }
            else
            {
                _usings.Add(ns);
            }
        }
    }

    public void AssemblyAttribute(string attribute) => _assemblyAttributes.Add(attribute);

    public void Member(string text) => _members.AppendLine(text).AppendLine();

    /// <summary>Members of a namespace beside the case's own; only when <see cref="CanAddNamespaces"/>.</summary>
    public void MemberInNamespace(string ns, string text) =>
        _otherNamespaces.AppendLine($"namespace {ns}").AppendLine("{").AppendLine(text).AppendLine("}").AppendLine();

    public string Build(bool nullableDisableDirective)
    {
        var text = new StringBuilder();
        if (nullableDisableDirective)
        {
            text.AppendLine("#nullable disable");
        }

        foreach (var ns in _usings)
        {
            text.AppendLine($"using {ns};");
        }

        text.AppendLine();
        foreach (var attribute in _assemblyAttributes)
        {
            text.AppendLine($"[assembly: {attribute}]");
        }

        if (_assemblyAttributes.Count > 0)
        {
            text.AppendLine();
        }

        var members = _members.ToString().TrimEnd();
        switch (Style)
        {
            case NamespaceStyle.Global:
                text.AppendLine(members);
                break;
            case NamespaceStyle.FileScoped:
                text.AppendLine("namespace Acme.Shop;").AppendLine().AppendLine(members);
                break;
            default:
                text.AppendLine($"namespace {(Style == NamespaceStyle.KeywordBlock ? "Acme.@event" : "Acme.Shop")}")
                    .AppendLine("{")
                    .AppendLine(string.Join("\n", members.Split('\n').Select(line => line.Length == 0 ? line : "    " + line)))
                    .AppendLine("}");
                break;
        }

        if (_otherNamespaces.Length > 0)
        {
            text.AppendLine().Append(_otherNamespaces.ToString().TrimEnd()).AppendLine();
        }

        return text.ToString();
    }
}

/// <summary>Where a case's members live.</summary>
internal enum NamespaceStyle
{
    Block,
    FileScoped,
    Global,

    /// <summary>A block namespace whose last part is an escaped keyword (<c>Acme.@event</c>).</summary>
    KeywordBlock,
}
