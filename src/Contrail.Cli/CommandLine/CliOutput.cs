using System.IO;

namespace Contrail.Cli.CommandLine;

/// <summary>The writers a command reports to: its output, and one-line notes and errors.</summary>
internal sealed class CliOutput
{
    /// <summary>Creates the output over the given writers.</summary>
    /// <param name="stdout">The command's output.</param>
    /// <param name="stderr">Notes and errors.</param>
    public CliOutput(TextWriter stdout, TextWriter stderr)
    {
        Out = stdout;
        Error = stderr;
    }

    /// <summary>Gets the writer for the command's output.</summary>
    public TextWriter Out { get; }

    /// <summary>Gets the writer for notes and errors.</summary>
    public TextWriter Error { get; }

    /// <summary>Writes text to the output as it is (the caller chooses the '\n' line ends).</summary>
    /// <param name="text">The text.</param>
    public void Write(string text)
    {
        Out.Write(text);
        Out.Flush();
    }

    /// <summary>Writes <c>contrail: &lt;reason&gt;</c>, on one line, to the error writer.</summary>
    /// <param name="reason">Why the command failed.</param>
    public void WriteError(string reason)
    {
        Error.Write(ContrailCli.ToolName + ": " + CliText.OneLine(reason) + "\n");
        Error.Flush();
    }

    /// <summary>Writes <c>contrail: note: &lt;text&gt;</c>, on one line, to the error writer.</summary>
    /// <param name="note">The note.</param>
    public void WriteNote(string note)
    {
        Error.Write(ContrailCli.ToolName + ": note: " + CliText.OneLine(note) + "\n");
        Error.Flush();
    }
}
