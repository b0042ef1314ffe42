using System;
using System.Text;

namespace Contrail.Generators.Common;

/// <summary>
/// Writes C# source with consistent four-space indentation and '\n' line endings, so generated
/// files are byte-for-byte stable across machines.
/// </summary>
internal sealed class SourceWriter
{
    private readonly StringBuilder _builder = new();
    private int _indent;

    public void WriteLine() => _builder.Append('\n');

    public void WriteLine(string line)
    {
        if (line.Length > 0)
        {
            _builder.Append(' ', _indent * 4);
            _builder.Append(line);
        }

        _builder.Append('\n');
    }

    /// <summary>Writes a block of lines (split on '\n'), each at the current indentation.</summary>
    public void WriteBlock(string text)
    {
        foreach (var line in text.Replace("\r\n", "\n").TrimEnd('\n').Split('\n'))
        {
            WriteLine(line);
        }
    }

    public void OpenBrace()
    {
        WriteLine("{");
        _indent++;
    }

    public void CloseBrace(string suffix = "")
    {
        _indent--;
        WriteLine("}" + suffix);
    }

    public IDisposable Indent()
    {
        _indent++;
        return new Dedent(this);
    }

    public override string ToString() => _builder.ToString();

    private sealed class Dedent : IDisposable
    {
        private readonly SourceWriter _writer;

        public Dedent(SourceWriter writer) => _writer = writer;

        public void Dispose() => _writer._indent--;
    }
}
