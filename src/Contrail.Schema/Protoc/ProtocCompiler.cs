using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace Contrail.Schema.Protoc;

/// <summary>How <see cref="ProtocCompiler"/> runs protoc.</summary>
public sealed class ProtocCompileOptions
{
    /// <summary>The protoc to run; null locates one with <see cref="ProtocInstallation.Locate(string?)"/>.</summary>
    public ProtocInstallation? Installation { get; init; }

    /// <summary>
    /// Further include directories (protoc's <c>--proto_path</c>), searched after the root and before the
    /// well-known types. Files found only through them are imports: resolved, not checked.
    /// </summary>
    public IReadOnlyList<string> IncludePaths { get; init; } = Array.Empty<string>();

    /// <summary>How long protoc may run before it is killed; two minutes unless set.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(2);
}

/// <summary>
/// Compiles a directory of <c>.proto</c> files with protoc (from the Grpc.Tools package) into a
/// <see cref="SchemaImage"/> with source info, the way buf builds a module: every <c>.proto</c> under the
/// root is an input file named by its path relative to the root; everything else it imports is an import.
/// </summary>
public static class ProtocCompiler
{
    /// <summary>
    /// Compiles every <c>.proto</c> file under <paramref name="root"/> (recursively).
    /// </summary>
    /// <exception cref="ProtocNotFoundException">protoc could not be found.</exception>
    /// <exception cref="ProtocCompilationException">protoc rejected the input; <see cref="ProtocCompilationException.Errors"/> has the located errors.</exception>
    /// <exception cref="ProtocException">The root is missing or holds no <c>.proto</c> file, protoc timed out, or its output was unreadable.</exception>
    public static SchemaImage CompileDirectory(string root, ProtocCompileOptions? options = null)
    {
        if (root is null)
        {
            throw new ArgumentNullException(nameof(root));
        }

        var fullRoot = Path.GetFullPath(root);
        if (!Directory.Exists(fullRoot))
        {
            throw new ProtocException($"proto directory '{root}' does not exist");
        }

        var files = Directory.EnumerateFiles(fullRoot, "*.proto", SearchOption.AllDirectories)
            .Select(file => ToVirtualPath(fullRoot, file))
            .OrderBy(path => path, StringComparer.Ordinal)
            .ToList();
        if (files.Count == 0)
        {
            throw new ProtocException($"proto directory '{root}' holds no .proto file");
        }

        return Compile(fullRoot, files, options);
    }

    /// <summary>
    /// Compiles the given files, named relative to <paramref name="root"/> with forward slashes.
    /// </summary>
    /// <exception cref="ProtocNotFoundException">protoc could not be found.</exception>
    /// <exception cref="ProtocCompilationException">protoc rejected the input.</exception>
    /// <exception cref="ProtocException">protoc timed out or its output was unreadable.</exception>
    public static SchemaImage Compile(string root, IReadOnlyList<string> files, ProtocCompileOptions? options = null)
    {
        if (root is null)
        {
            throw new ArgumentNullException(nameof(root));
        }

        if (files is null)
        {
            throw new ArgumentNullException(nameof(files));
        }

        options ??= new ProtocCompileOptions();
        var installation = options.Installation ?? ProtocInstallation.Locate();
        var fullRoot = Path.GetFullPath(root);

        var scratch = Path.Combine(Path.GetTempPath(), "contrail-protoc-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(scratch);
        try
        {
            var descriptorSet = Path.Combine(scratch, "image.binpb");
            var responseFile = Path.Combine(scratch, "arguments.txt");

            // A response file (one argument per line, taken verbatim by protoc) keeps paths with spaces
            // or quotes intact and avoids command-line length limits on large schemas.
            var arguments = new List<string>
            {
                "--proto_path=" + fullRoot,
            };
            foreach (var include in options.IncludePaths)
            {
                arguments.Add("--proto_path=" + Path.GetFullPath(include));
            }

            if (installation.WellKnownTypesDirectory is not null)
            {
                arguments.Add("--proto_path=" + installation.WellKnownTypesDirectory);
            }

            arguments.Add("--include_imports");
            arguments.Add("--include_source_info");
            arguments.Add("--descriptor_set_out=" + descriptorSet);
            arguments.AddRange(files);
            File.WriteAllText(responseFile, string.Join("\n", arguments) + "\n", new UTF8Encoding(false));

            var (exitCode, standardError) = Run(installation.ProtocPath, responseFile, fullRoot, options.Timeout);
            var roots = new List<string> { fullRoot };
            roots.AddRange(options.IncludePaths.Select(Path.GetFullPath));
            var diagnostics = ProtocDiagnostic.Parse(standardError).Select(d => d with { Path = ToReportedPath(roots, d.Path) }).ToList();
            if (exitCode != 0)
            {
                throw new ProtocCompilationException(diagnostics.Where(d => !d.IsWarning).ToList(), standardError);
            }

            FileDescriptorSet set;
            try
            {
                set = FileDescriptorSet.Parser.ParseFrom(File.ReadAllBytes(descriptorSet));
            }
            catch (Exception exception) when (exception is IOException or InvalidProtocolBufferException)
            {
                throw new ProtocException($"protoc wrote an unreadable descriptor set: {exception.Message}", exception);
            }

            var own = new HashSet<string>(files, StringComparer.Ordinal);
            var imports = set.File.Select(file => file.Name).Where(name => !own.Contains(name)).ToList();
            return new SchemaImage(set.File, imports);
        }
        finally
        {
            TryDelete(scratch);
        }
    }

    private static (int ExitCode, string StandardError) Run(string protoc, string responseFile, string workingDirectory, TimeSpan timeout)
    {
        var startInfo = new ProcessStartInfo
        {
            FileName = protoc,
            Arguments = "\"@" + responseFile.Replace("\"", "\\\"") + "\"",
            WorkingDirectory = workingDirectory,
            UseShellExecute = false,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            CreateNoWindow = true,
        };

        using var process = new Process { StartInfo = startInfo };
        var standardError = new StringBuilder();
        var standardOutput = new StringBuilder();
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (standardError)
                {
                    standardError.Append(e.Data).Append('\n');
                }
            }
        };
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (standardOutput)
                {
                    standardOutput.Append(e.Data).Append('\n');
                }
            }
        };

        try
        {
            process.Start();
        }
        catch (Exception exception) when (exception is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            throw new ProtocNotFoundException($"protoc at '{protoc}' could not be started: {exception.Message}");
        }

        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        if (!process.WaitForExit((int)Math.Min(int.MaxValue, Math.Max(1, timeout.TotalMilliseconds))))
        {
            try
            {
                process.Kill();
            }
            catch (InvalidOperationException)
            {
                // It exited between the timeout and the kill.
            }

            throw new ProtocException(string.Format(CultureInfo.InvariantCulture, "protoc did not finish within {0:0.#} seconds", timeout.TotalSeconds));
        }

        // The parameterless wait drains the asynchronous readers.
        process.WaitForExit();
        lock (standardError)
        {
            var error = standardError.ToString();
            if (error.Trim().Length == 0)
            {
                lock (standardOutput)
                {
                    error = standardOutput.ToString();
                }
            }

            return (process.ExitCode, error);
        }
    }

    /// <summary>
    /// protoc names a file it failed to parse by its disk path; report it as the image names it (relative to its
    /// root, forward slashes), as every other location in Contrail is.
    /// </summary>
    private static string ToReportedPath(List<string> roots, string path)
    {
        foreach (var root in roots)
        {
            var prefix = root.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar) + Path.DirectorySeparatorChar;
            if (path.StartsWith(prefix, StringComparison.Ordinal))
            {
                return ToVirtualPath(root, path);
            }
        }

        return path;
    }

    private static string ToVirtualPath(string root, string file)
    {
        var relative = file.Substring(root.Length).TrimStart(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        return relative.Replace(Path.DirectorySeparatorChar, '/');
    }

    private static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; never hide the real result behind a cleanup failure.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
