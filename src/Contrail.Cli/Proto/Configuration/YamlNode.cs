using System.Collections.Generic;

namespace Contrail.Cli.Proto.Configuration;

/// <summary>The kinds of node the buf.yaml subset has.</summary>
internal enum YamlNodeKind
{
    Scalar,
    Sequence,
    Mapping,
}

/// <summary>A node of the YAML subset buf.yaml uses, with where it starts (1-based).</summary>
internal sealed class YamlNode
{
    private YamlNode(YamlNodeKind kind, int line, int column)
    {
        Kind = kind;
        Line = line;
        Column = column;
    }

    public YamlNodeKind Kind { get; }

    public int Line { get; }

    public int Column { get; }

    /// <summary>A scalar's text (quotes removed, escapes applied); null for a plain <c>null</c>, <c>~</c> or empty value.</summary>
    public string? Value { get; private set; }

    /// <summary>Whether a scalar was quoted (then <c>true</c> or <c>null</c> are strings).</summary>
    public bool IsQuoted { get; private set; }

    public List<YamlNode> Items { get; } = new();

    public List<KeyValuePair<YamlNode, YamlNode>> Entries { get; } = new();

    public static YamlNode Scalar(string? value, bool quoted, int line, int column) =>
        new(YamlNodeKind.Scalar, line, column) { Value = value, IsQuoted = quoted };

    public static YamlNode Sequence(int line, int column) => new(YamlNodeKind.Sequence, line, column);

    public static YamlNode Mapping(int line, int column) => new(YamlNodeKind.Mapping, line, column);

    /// <summary>Whether the node is an absent value: an empty or <c>null</c> plain scalar.</summary>
    public bool IsNull => Kind == YamlNodeKind.Scalar && Value is null;

    public string Describe() => Kind switch
    {
        YamlNodeKind.Sequence => "a list",
        YamlNodeKind.Mapping => "a map",
        _ => IsNull ? "an empty value" : "a scalar",
    };
}
