using System.Collections.Generic;
using System.CommandLine;
using System.CommandLine.Parsing;
using System.Linq;

namespace Contrail.Cli.CommandLine;

/// <summary>
/// Turns what the parser found wrong with a command line into one line: the first problem and where
/// to read the usage, e.g. <c>unknown option '--bogus'. Run 'contrail errors list --help' for usage.</c>
/// </summary>
internal static class UsageErrors
{
    /// <summary>Describes the first usage error of a parse, or returns <see langword="null"/> when there is none.</summary>
    /// <param name="result">The parse result.</param>
    /// <returns>The one-line description, without the <c>contrail:</c> prefix, or <see langword="null"/>.</returns>
    public static string? Describe(ParseResult result)
    {
        // --help and --version win over everything else on the line, as the parser decides.
        if (result.Action is { ClearsParseErrors: true })
        {
            return null;
        }

        var problem = FindUnknownOption(result) is { } option ? $"unknown option '{option}'" : null;
        if (problem is null && result.Errors.Count == 0)
        {
            return null;
        }

        problem ??= DescribeUnmatchedToken(result) ?? DescribeMissingCommand(result) ?? DescribeFirstError(result);
        return $"{CliText.WithoutFinalPeriod(CliText.OneLine(problem))}. Run '{CommandPath(result.CommandResult)} --help' for usage.";
    }

    /// <summary>
    /// The parser takes an unknown <c>--option</c> as a value of an argument that accepts many; this finds
    /// such a token (one before a <c>--</c> separator, which marks what follows as values).
    /// </summary>
    private static string? FindUnknownOption(ParseResult result)
    {
        var tokens = result.Tokens;
        var separator = tokens.ToList().FindIndex(token => token.Type == TokenType.DoubleDash);
        foreach (var argument in result.CommandResult.Command.Arguments)
        {
            if (result.GetResult(argument) is not ArgumentResult argumentResult)
            {
                continue;
            }

            foreach (var token in argumentResult.Tokens)
            {
                if (token.Value.Length > 1 && token.Value[0] == '-')
                {
                    var index = IndexOf(tokens, token);
                    if (separator < 0 || index < separator)
                    {
                        return token.Value;
                    }
                }
            }
        }

        return null;
    }

    private static int IndexOf(IReadOnlyList<Token> tokens, Token token)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            if (ReferenceEquals(tokens[i], token) || tokens[i].Equals(token))
            {
                return i;
            }
        }

        return -1;
    }

    private static string? DescribeUnmatchedToken(ParseResult result)
    {
        if (result.UnmatchedTokens.Count == 0)
        {
            return null;
        }

        var token = result.UnmatchedTokens[0];
        if (token.Length > 1 && token[0] == '-')
        {
            return $"unknown option '{token}'";
        }

        return result.CommandResult.Command.Subcommands.Count > 0
            ? $"unknown command '{token}'"
            : $"unexpected argument '{token}'";
    }

    private static string? DescribeMissingCommand(ParseResult result)
    {
        var command = result.CommandResult.Command;
        if (command.Subcommands.Count == 0 || command.Action is not null)
        {
            return null;
        }

        var names = string.Join(", ", command.Subcommands.Where(c => !c.Hidden).Select(c => c.Name));
        return result.CommandResult.Parent is null
            ? $"no command given (commands: {names})"
            : $"'{CommandPath(result.CommandResult)}' needs a command ({names})";
    }

    private static string DescribeFirstError(ParseResult result)
    {
        var error = result.Errors[0];
        if (error.SymbolResult is ArgumentResult { Tokens.Count: 0 } missing)
        {
            return $"missing argument <{missing.Argument.Name}>";
        }

        if (error.SymbolResult is OptionResult { Tokens.Count: 0 } option && option.Option.Arity.MinimumNumberOfValues > 0)
        {
            return $"missing value for option '{option.IdentifierToken?.Value ?? option.Option.Name}'";
        }

        return error.Message;
    }

    private static string CommandPath(CommandResult commandResult)
    {
        var names = new List<string>();
        for (var current = commandResult; current is not null; current = current.Parent as CommandResult)
        {
            names.Add(current.Parent is null ? ContrailCli.ToolName : current.Command.Name);
        }

        names.Reverse();
        return string.Join(' ', names);
    }
}
