using System;

namespace Contrail.Schema.Breaking;

/// <summary>
/// The breaking-check configuration is invalid, e.g. it names an unknown rule or category. The message is
/// one line, fit to print as <c>contrail: &lt;message&gt;</c> or to place on the configuration's line.
/// </summary>
public sealed class BreakingConfigurationException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">The one-line message.</param>
    /// <param name="offendingValue">The value at fault (an ID or path), for callers that locate it in their configuration file.</param>
    public BreakingConfigurationException(string message, string? offendingValue = null)
        : base(message)
    {
        OffendingValue = offendingValue;
    }

    /// <summary>The value at fault (an unknown ID, say), when there is one.</summary>
    public string? OffendingValue { get; }
}
