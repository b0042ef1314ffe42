using System;

namespace Contrail.Cli.CommandLine;

/// <summary>
/// A usage or input error a command reports: <see cref="ContrailCli.Run"/> prints its message as the
/// one line <c>contrail: &lt;message&gt;</c> and exits with <see cref="ContrailCli.ExitFailure"/>.
/// </summary>
internal sealed class CliException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">The reason, one line, without the <c>contrail:</c> prefix.</param>
    public CliException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with the exception that caused it.</summary>
    /// <param name="message">The reason, one line, without the <c>contrail:</c> prefix.</param>
    /// <param name="innerException">The cause.</param>
    public CliException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
