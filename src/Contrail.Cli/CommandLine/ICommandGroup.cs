using System.CommandLine;

namespace Contrail.Cli.CommandLine;

/// <summary>
/// A group of commands under the root, such as <c>contrail errors ...</c>. Each group lives in its own
/// folder and is registered in <see cref="ContrailCli"/>.
/// </summary>
internal interface ICommandGroup
{
    /// <summary>Creates the group's command (for example <c>errors</c>) with its subcommands.</summary>
    /// <param name="output">Where the group's commands write their output, notes and errors.</param>
    /// <returns>The command to add to the root command.</returns>
    Command CreateCommand(CliOutput output);
}
