using System.CommandLine;
using Contrail.Cli.CommandLine;

namespace Contrail.Cli.Proto;

/// <summary>
/// <c>contrail proto ...</c>: breaking-change checks of <c>.proto</c> schemas with buf's rules, and the
/// baseline images they compare against.
/// </summary>
internal sealed class ProtoCommandGroup : ICommandGroup
{
    /// <inheritdoc />
    public Command CreateCommand(CliOutput output)
    {
        var proto = new Command(
            "proto",
            "Check .proto schemas for breaking changes with buf's rules, and write the baseline images they are checked against.");
        proto.Subcommands.Add(ProtoBreakingCommand.Create(output));
        proto.Subcommands.Add(ProtoSnapshotCommand.Create(output));
        return proto;
    }
}
