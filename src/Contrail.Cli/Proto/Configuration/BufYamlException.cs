using System;
using System.Globalization;

namespace Contrail.Cli.Proto.Configuration;

/// <summary>
/// A buf.yaml that cannot be read or holds something Contrail does not accept: bad YAML, an unknown key,
/// a value of the wrong kind, an unknown rule. The message is one line, <c>&lt;file&gt;:&lt;line&gt;:&lt;column&gt;: &lt;problem&gt;</c>.
/// </summary>
internal sealed class BufYamlException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="path">The configuration file as the user named it.</param>
    /// <param name="line">The 1-based line of the problem.</param>
    /// <param name="column">The 1-based column of the problem.</param>
    /// <param name="problem">What is wrong, one line.</param>
    public BufYamlException(string path, int line, int column, string problem)
        : base(string.Format(CultureInfo.InvariantCulture, "{0}:{1}:{2}: {3}", path, line, column, problem))
    {
        Path = path;
        Line = line;
        Column = column;
        Problem = problem;
    }

    /// <summary>The configuration file as the user named it.</summary>
    public string Path { get; }

    /// <summary>The 1-based line of the problem.</summary>
    public int Line { get; }

    /// <summary>The 1-based column of the problem.</summary>
    public int Column { get; }

    /// <summary>What is wrong.</summary>
    public string Problem { get; }
}
