using Xunit;

namespace Contrail.Cli.Tests;

public sealed class CommandLineTests
{
    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    public void Root_help_prints_usage_to_stdout(string help)
    {
        var result = CliRunner.Run(help);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(string.Empty, result.Stderr);
        Assert.Contains("contrail [command] [options]", result.Stdout);
        Assert.Contains("errors", result.Stdout);
    }

    [Fact]
    public void Group_help_prints_its_commands()
    {
        var result = CliRunner.Run("errors", "--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(string.Empty, result.Stderr);
        Assert.Contains("contrail errors [command] [options]", result.Stdout);
        Assert.Contains("list", result.Stdout);
    }

    [Fact]
    public void Command_help_prints_its_arguments_and_options_even_next_to_a_mistake()
    {
        var result = CliRunner.Run("errors", "list", "--bogus", "--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(string.Empty, result.Stderr);
        Assert.Contains("contrail errors list <assembly-path>... [options]", result.Stdout);
        Assert.Contains("--format <markdown|json>", result.Stdout);
        Assert.Contains("--output <file>", result.Stdout);
    }

    [Fact]
    public void An_unknown_command_fails_with_one_line_and_a_usage_hint()
    {
        var result = CliRunner.Run("frobnicate");

        CliRunner.AssertOneLineFailure(result, "contrail: unknown command 'frobnicate'. Run 'contrail --help' for usage.\n");
    }

    [Fact]
    public void An_unknown_command_of_a_group_fails_with_one_line_and_a_usage_hint()
    {
        var result = CliRunner.Run("errors", "show");

        CliRunner.AssertOneLineFailure(result, "contrail: unknown command 'show'. Run 'contrail errors --help' for usage.\n");
    }

    [Fact]
    public void An_unknown_root_option_fails_with_one_line()
    {
        var result = CliRunner.Run("--bogus");

        CliRunner.AssertOneLineFailure(result, "contrail: unknown option '--bogus'. Run 'contrail --help' for usage.\n");
    }

    [Fact]
    public void No_command_fails_with_one_line()
    {
        var result = CliRunner.Run();

        CliRunner.AssertOneLineFailure(result, "contrail: no command given (commands: errors, proto, metrics). Run 'contrail --help' for usage.\n");
    }

    [Fact]
    public void A_group_without_its_command_fails_with_one_line()
    {
        var result = CliRunner.Run("errors");

        CliRunner.AssertOneLineFailure(result, "contrail: 'contrail errors' needs a command (list). Run 'contrail errors --help' for usage.\n");
    }

    [Fact]
    public void An_at_sign_path_is_a_path_not_a_response_file()
    {
        var result = CliRunner.Run("errors", "list", "@nothing.rsp");

        CliRunner.AssertOneLineFailure(result, "contrail: file not found: '@nothing.rsp'\n");
    }
}
