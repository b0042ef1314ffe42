namespace Contrail.Cli.Proto;

/// <summary>How <c>contrail proto breaking</c> prints its findings.</summary>
internal enum BreakingOutputFormat
{
    /// <summary><c>path:line:column:message</c>, one finding per line, as <c>buf breaking</c> prints.</summary>
    Text,

    /// <summary>One JSON object per line with buf's field names.</summary>
    Json,

    /// <summary>One SARIF 2.1.0 log.</summary>
    Sarif,

    /// <summary>GitHub Actions workflow commands: <c>::error file=...,line=...::message</c>.</summary>
    GitHubActions,

    /// <summary><c>path(line,column): error RULE_ID: message</c>, the canonical form MSBuild and Visual Studio parse.</summary>
    MSBuild,
}
