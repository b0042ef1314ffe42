using System.IO;
using Xunit;

namespace Contrail.Cli.Tests;

/// <summary>What a run of the tool printed and returned.</summary>
public sealed record CliResult(int ExitCode, string Stdout, string Stderr);

/// <summary>Runs the tool in process, capturing its output.</summary>
public static class CliRunner
{
    public static CliResult Run(params string[] args)
    {
        using var stdout = new StringWriter { NewLine = "\n" };
        using var stderr = new StringWriter { NewLine = "\n" };
        var exitCode = ContrailCli.Run(args, stdout, stderr);
        return new CliResult(exitCode, stdout.ToString(), stderr.ToString());
    }

    /// <summary>
    /// Asserts the run failed as every failure must: exit code 1, nothing on stdout, and exactly one
    /// line on stderr, <c>contrail: &lt;reason&gt;</c>, that is no stack trace.
    /// </summary>
    /// <param name="result">The run.</param>
    /// <param name="expected">The whole stderr when it ends with a line end, else how it starts.</param>
    public static void AssertOneLineFailure(CliResult result, string expected)
    {
        Assert.Equal(1, result.ExitCode);
        Assert.Equal(string.Empty, result.Stdout);
        Assert.StartsWith("contrail: ", result.Stderr);
        if (expected.EndsWith('\n'))
        {
            Assert.Equal(expected, result.Stderr);
        }
        else
        {
            Assert.StartsWith(expected, result.Stderr);
        }

        Assert.EndsWith("\n", result.Stderr);
        Assert.Equal(1, result.Stderr.Split('\n').Length - 1);
        Assert.DoesNotContain("   at ", result.Stderr);
        Assert.DoesNotContain("Exception", result.Stderr);
    }
}
