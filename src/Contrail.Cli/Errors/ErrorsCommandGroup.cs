using System.CommandLine;
using Contrail.Cli.CommandLine;

namespace Contrail.Cli.Errors;

/// <summary>
/// <c>contrail errors ...</c>: the gRPC error catalogs (<c>[GrpcError]</c> errors) that Contrail's
/// generator compiles into assemblies.
/// </summary>
internal sealed class ErrorsCommandGroup : ICommandGroup
{
    /// <inheritdoc />
    public Command CreateCommand(CliOutput output)
    {
        var errors = new Command(
            "errors",
            "Inspect the gRPC error catalogs ([GrpcError] errors) that Contrail's generator compiled into assemblies.");
        errors.Subcommands.Add(ErrorsListCommand.Create(output));
        return errors;
    }
}
