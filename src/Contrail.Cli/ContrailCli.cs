using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using Contrail.Cli.CommandLine;
using Contrail.Cli.Errors;
using Contrail.Cli.Metrics;
using Contrail.Cli.Proto;

namespace Contrail.Cli;

/// <summary>
/// The <c>contrail</c> command-line tool, callable in process: parses the arguments, runs the command
/// and reports every failure as one line on the error writer, never as a stack trace.
/// </summary>
/// <remarks>
/// Exit codes: <c>0</c> when the command did its work (or printed help), <c>1</c> for a usage error
/// (unknown command, option or format, a missing argument) or an input error (a file that is not
/// found, not a .NET assembly, or holds a corrupt catalog), <c>100</c> when <c>proto breaking</c> found
/// breaking changes (as <c>buf breaking</c> exits).
/// </remarks>
public static class ContrailCli
{
    /// <summary>The name the tool is installed and invoked as.</summary>
    public const string ToolName = "contrail";

    /// <summary>The exit code of a command that did its work.</summary>
    public const int ExitSuccess = 0;

    /// <summary>The exit code of a usage error or an input error.</summary>
    public const int ExitFailure = 1;

    /// <summary>The exit code of a check that ran and found problems (<c>proto breaking</c>), as buf uses it.</summary>
    public const int ExitFindings = 100;

    /// <summary>
    /// The command groups under the root command, one folder each: <c>contrail errors ...</c> today;
    /// later groups (<c>proto</c>, <c>metrics</c>) are added here.
    /// </summary>
    private static readonly IReadOnlyList<ICommandGroup> CommandGroups = new ICommandGroup[]
    {
        new ErrorsCommandGroup(),
        new ProtoCommandGroup(),
        new MetricsCommandGroup(),
    };

    /// <summary>Runs the tool with the given arguments, as the <c>contrail</c> executable does.</summary>
    /// <param name="args">The command-line arguments, without the tool's name, e.g. <c>errors list App.dll</c>.</param>
    /// <param name="stdout">Receives the command's output and the help text.</param>
    /// <param name="stderr">Receives notes and the one-line <c>contrail: &lt;reason&gt;</c> error message.</param>
    /// <returns>The process exit code: <see cref="ExitSuccess"/>, <see cref="ExitFailure"/> or <see cref="ExitFindings"/>.</returns>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);

        var output = new CliOutput(stdout, stderr);
        try
        {
            var root = CreateRootCommand(output);

            // Arguments are taken literally: no '@file' response-file expansion of assembly paths.
            var parseResult = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });

            var usageError = UsageErrors.Describe(parseResult);
            if (usageError is not null)
            {
                output.WriteError(usageError);
                return ExitFailure;
            }

            return parseResult.Invoke(new InvocationConfiguration
            {
                Output = stdout,
                Error = stderr,
                EnableDefaultExceptionHandler = false,
                ProcessTerminationTimeout = null,
            });
        }
        catch (CliException exception)
        {
            output.WriteError(exception.Message);
            return ExitFailure;
        }
        catch (Exception exception)
        {
            // A bug, not a user error: still one line, with enough to report it.
            output.WriteError($"unexpected {exception.GetType().Name}: {CliText.OneLine(exception.Message)}");
            return ExitFailure;
        }
    }

    private static RootCommand CreateRootCommand(CliOutput output)
    {
        var root = new RootCommand(
            "Contrail's command-line tool: reads what Contrail's generator compiled into .NET assemblies, "
            + "from their metadata, without loading or running them.")
        {
            HelpName = ToolName,
        };
        foreach (var group in CommandGroups)
        {
            root.Subcommands.Add(group.CreateCommand(output));
        }

        return root;
    }
}
