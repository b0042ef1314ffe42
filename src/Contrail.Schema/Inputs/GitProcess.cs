using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics;
using System.IO;
using System.Text;
using System.Threading.Tasks;

namespace Contrail.Schema.Inputs;

/// <summary>Runs the <c>git</c> executable and captures its output as bytes.</summary>
internal sealed class GitProcess
{
    private readonly string _executable;
    private readonly string _workingDirectory;
    private readonly TimeSpan _timeout;

    public GitProcess(string? executable, string workingDirectory, TimeSpan timeout)
    {
        _executable = string.IsNullOrEmpty(executable) ? "git" : executable!;
        _workingDirectory = workingDirectory;
        _timeout = timeout;
    }

    /// <summary>Runs git with the arguments, feeding <paramref name="standardInput"/> when given.</summary>
    /// <returns>The exit code, standard output and standard error.</returns>
    /// <exception cref="SchemaInputException">git cannot be started or does not finish in time.</exception>
    public (int ExitCode, byte[] Output, string Error) Run(IReadOnlyList<string> arguments, byte[]? standardInput = null)
    {
        var startInfo = new ProcessStartInfo
        {
            FileName = _executable,
            Arguments = Quote(arguments),
            WorkingDirectory = _workingDirectory,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = standardInput is not null,
            CreateNoWindow = true,
        };

        // Messages are parsed for nothing but shown to the user: keep them in English, never paged.
        startInfo.EnvironmentVariables["LC_ALL"] = "C";
        startInfo.EnvironmentVariables["GIT_PAGER"] = "cat";
        startInfo.EnvironmentVariables["GIT_TERMINAL_PROMPT"] = "0";

        using var process = new Process { StartInfo = startInfo };
        try
        {
            process.Start();
        }
        catch (Exception exception) when (exception is Win32Exception or InvalidOperationException or FileNotFoundException)
        {
            throw new SchemaInputException($"git not found: git inputs need the git executable on the PATH ({exception.Message})", exception);
        }

        // Output, error and input are pumped concurrently so that no pipe fills up and blocks git.
        var output = new MemoryStream();
        var outputTask = process.StandardOutput.BaseStream.CopyToAsync(output);
        var errorTask = process.StandardError.ReadToEndAsync();
        Task inputTask = Task.CompletedTask;
        if (standardInput is not null)
        {
            var stdin = process.StandardInput.BaseStream;
            inputTask = Task.Run(() =>
            {
                try
                {
                    stdin.Write(standardInput, 0, standardInput.Length);
                    stdin.Flush();
                }
                catch (IOException)
                {
                    // git exited early (an error it reports on stderr): nothing more to feed.
                }
                finally
                {
                    stdin.Dispose();
                }
            });
        }

        if (!process.WaitForExit((int)Math.Min(int.MaxValue, _timeout.TotalMilliseconds)))
        {
            try
            {
                process.Kill();
            }
            catch (InvalidOperationException)
            {
                // It exited between the timeout and the kill.
            }

            throw new SchemaInputException($"git {arguments[0]} did not finish within {_timeout.TotalSeconds:0} seconds");
        }

        process.WaitForExit();
        Task.WaitAll(outputTask, errorTask, inputTask);
        return (process.ExitCode, output.ToArray(), errorTask.Result);
    }

    /// <summary>Runs git and returns its standard output as trimmed UTF-8 text, or null when git fails.</summary>
    public string? RunText(params string[] arguments)
    {
        var (exitCode, output, _) = Run(arguments);
        return exitCode == 0 ? Encoding.UTF8.GetString(output).Trim() : null;
    }

    /// <summary>Quotes arguments the way .NET's process start splits them back (the Windows command-line rules).</summary>
    internal static string Quote(IReadOnlyList<string> arguments)
    {
        var builder = new StringBuilder();
        foreach (var argument in arguments)
        {
            if (builder.Length > 0)
            {
                builder.Append(' ');
            }

            if (argument.Length > 0 && argument.IndexOfAny(new[] { ' ', '\t', '\n', '"', '\\' }) < 0)
            {
                builder.Append(argument);
                continue;
            }

            builder.Append('"');
            var backslashes = 0;
            foreach (var character in argument)
            {
                if (character == '\\')
                {
                    backslashes++;
                    continue;
                }

                if (character == '"')
                {
                    builder.Append('\\', (backslashes * 2) + 1);
                }
                else
                {
                    builder.Append('\\', backslashes);
                }

                backslashes = 0;
                builder.Append(character);
            }

            builder.Append('\\', backslashes * 2).Append('"');
        }

        return builder.ToString();
    }
}
