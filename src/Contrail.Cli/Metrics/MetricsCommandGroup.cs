using System.CommandLine;
using Contrail.Cli.CommandLine;

namespace Contrail.Cli.Metrics;

/// <summary>
/// <c>contrail metrics ...</c>: the metrics manifests (<c>[Meter]</c> instruments) that Contrail's
/// generator compiles into assemblies.
/// </summary>
internal sealed class MetricsCommandGroup : ICommandGroup
{
    /// <inheritdoc />
    public Command CreateCommand(CliOutput output)
    {
        var metrics = new Command(
            "metrics",
            "Inspect the metrics manifests ([Meter] instruments) that Contrail's generator compiled into assemblies.");
        metrics.Subcommands.Add(MetricsListCommand.Create(output));
        return metrics;
    }
}
