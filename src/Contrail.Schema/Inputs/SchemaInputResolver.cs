using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using Contrail.Schema.Images;
using Contrail.Schema.Protoc;

namespace Contrail.Schema.Inputs;

/// <summary>
/// Loads a <see cref="SchemaInput"/> into a validated <see cref="SchemaImage"/> in canonical order:
/// a directory through protoc, an image file through <see cref="SchemaImageReader"/>, a git input by
/// reading the <c>.proto</c> files at the revision with the <c>git</c> executable (<c>ls-tree</c> and
/// <c>cat-file --batch</c>, so no work tree is touched) into a temporary directory, then protoc.
/// </summary>
/// <remarks>
/// File names inside the image are relative to the directory (or the git subdirectory), so a directory and
/// the same directory at a git revision give the same names — and the same bytes when written. Include
/// paths apply to git inputs as they are in the working tree.
/// </remarks>
public static class SchemaInputResolver
{
    /// <summary>Parses and loads an input string.</summary>
    /// <param name="input">A directory, an image file or <c>git:REF[:SUBDIR]</c>.</param>
    /// <param name="options">How to load it; null for the defaults.</param>
    /// <returns>The schema.</returns>
    /// <exception cref="SchemaInputException">The input cannot be loaded; the message says why, on one line.</exception>
    public static SchemaImage Load(string input, SchemaInputOptions? options = null) => Load(SchemaInput.Parse(input), options);

    /// <summary>Loads an input.</summary>
    /// <param name="input">The input.</param>
    /// <param name="options">How to load it; null for the defaults.</param>
    /// <returns>The schema.</returns>
    /// <exception cref="SchemaInputException">The input cannot be loaded; the message says why, on one line.</exception>
    public static SchemaImage Load(SchemaInput input, SchemaInputOptions? options = null)
    {
        if (input is null)
        {
            throw new ArgumentNullException(nameof(input));
        }

        options ??= new SchemaInputOptions();
        switch (input.Kind)
        {
            case SchemaInputKind.Image:
                return LoadImage(input);
            case SchemaInputKind.Git:
                return LoadGit(input, options);
            default:
                if (!Directory.Exists(input.Path))
                {
                    throw new SchemaInputException(File.Exists(input.Path)
                        ? $"'{input.Text}' is neither a directory nor an image file (expected a directory, a {SchemaImageFormats.KnownExtensions} file or git:REF[:SUBDIR])"
                        : $"input not found: '{input.Text}'");
                }

                return Compile(input.Path, input.Text, displayRoot: input.Path, options);
        }
    }

    /// <summary>
    /// The path of <paramref name="directory"/> inside its git repository ('/' separators, empty for the root),
    /// or null when it is not inside one (or git is missing). The CLI reads the baseline's git input from the
    /// same subdirectory as the current input by default.
    /// </summary>
    /// <param name="directory">A directory.</param>
    /// <param name="options">The git executable and timeout; null for the defaults.</param>
    /// <returns>The relative path, or null.</returns>
    public static string? FindGitSubdirectory(string directory, SchemaInputOptions? options = null)
    {
        if (directory is null)
        {
            throw new ArgumentNullException(nameof(directory));
        }

        options ??= new SchemaInputOptions();
        if (!Directory.Exists(directory))
        {
            return null;
        }

        try
        {
            var git = new GitProcess(options.GitExecutable, Path.GetFullPath(directory), options.Timeout);
            var prefix = git.RunText("rev-parse", "--show-prefix");
            return prefix?.Trim('/');
        }
        catch (SchemaInputException)
        {
            return null;
        }
    }

    private static SchemaImage LoadImage(SchemaInput input)
    {
        if (Directory.Exists(input.Path))
        {
            return Compile(input.Path, input.Text, displayRoot: input.Path, new SchemaInputOptions());
        }

        if (!File.Exists(input.Path))
        {
            throw new SchemaInputException($"input not found: '{input.Text}'");
        }

        try
        {
            return SchemaImageReader.ReadFile(input.Path);
        }
        catch (SchemaFormatException exception)
        {
            throw new SchemaInputException(exception.Message, exception);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new SchemaInputException($"cannot read '{input.Text}': {OneLine(exception.Message)}", exception);
        }
    }

    private static SchemaImage Compile(string root, string inputText, string displayRoot, SchemaInputOptions options)
    {
        SchemaImage compiled;
        try
        {
            compiled = ProtocCompiler.CompileDirectory(root, new ProtocCompileOptions
            {
                Installation = options.Protoc,
                IncludePaths = options.IncludePaths,
                Timeout = options.Timeout,
            });
        }
        catch (ProtocCompilationException exception) when (exception.Errors.Count > 0)
        {
            // protoc names files relative to the root; the user needs them relative to where they are.
            var first = exception.Errors[0];
            var path = first.Path.Length == 0 ? displayRoot : JoinDisplay(displayRoot, RelativeToRoot(root, first.Path));
            var location = first.Line > 0
                ? string.Format(CultureInfo.InvariantCulture, "{0}:{1}:{2}: ", path, first.Line, first.Column)
                : path + ": ";
            var more = exception.Errors.Count > 1
                ? string.Format(CultureInfo.InvariantCulture, " (and {0} more error{1})", exception.Errors.Count - 1, exception.Errors.Count > 2 ? "s" : string.Empty)
                : string.Empty;
            throw new SchemaInputException(location + OneLine(first.Message) + more, exception);
        }
        catch (ProtocException exception)
        {
            var message = OneLine(exception.Message);
            throw new SchemaInputException(
                message.IndexOf(inputText, StringComparison.Ordinal) >= 0 || exception is ProtocNotFoundException ? message : $"{inputText}: {message}",
                exception);
        }

        try
        {
            var imports = compiled.Files.Where(file => compiled.IsImport(file.Name)).Select(file => file.Name);
            return SchemaImageBuilder.Create(compiled.Files, imports, inputText);
        }
        catch (SchemaFormatException exception)
        {
            throw new SchemaInputException(exception.Message, exception);
        }
    }

    private static SchemaImage LoadGit(SchemaInput input, SchemaInputOptions options)
    {
        var start = Path.GetFullPath(options.GitRepository ?? Directory.GetCurrentDirectory());
        if (!Directory.Exists(start))
        {
            start = Path.GetDirectoryName(start) ?? start;
        }

        var probe = new GitProcess(options.GitExecutable, start, options.Timeout);
        var topLevel = probe.RunText("rev-parse", "--show-toplevel");
        if (string.IsNullOrEmpty(topLevel))
        {
            throw new SchemaInputException($"{input.Text}: '{start}' is not inside a git repository");
        }

        var git = new GitProcess(options.GitExecutable, topLevel!, options.Timeout);
        var commit = git.RunText("rev-parse", "--verify", "--quiet", "--end-of-options", input.GitRef + "^{commit}");
        if (string.IsNullOrEmpty(commit))
        {
            throw new SchemaInputException($"{input.Text}: git knows no revision '{input.GitRef}' in '{topLevel}'");
        }

        var subdirectory = input.GitSubdirectory ?? options.DefaultGitSubdirectory ?? string.Empty;
        var files = ListProtoFiles(git, commit!, subdirectory, input);
        var scratch = Path.Combine(Path.GetTempPath(), "contrail-git-" + Guid.NewGuid().ToString("N"));
        try
        {
            var contents = ReadBlobs(git, files.Select(file => file.Blob).ToList(), input);
            for (var i = 0; i < files.Count; i++)
            {
                var relative = subdirectory.Length == 0 ? files[i].Path : files[i].Path.Substring(subdirectory.Length + 1);
                var target = Path.Combine(scratch, relative.Replace('/', Path.DirectorySeparatorChar));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.WriteAllBytes(target, contents[i]);
            }

            return Compile(scratch, input.Text, displayRoot: GitDisplayRoot(input, subdirectory), options);
        }
        finally
        {
            try
            {
                if (Directory.Exists(scratch))
                {
                    Directory.Delete(scratch, recursive: true);
                }
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

    private static string GitDisplayRoot(SchemaInput input, string subdirectory) =>
        SchemaInput.GitPrefix + input.GitRef + ":" + subdirectory;

    private static List<(string Path, string Blob)> ListProtoFiles(GitProcess git, string commit, string subdirectory, SchemaInput input)
    {
        var arguments = new List<string> { "ls-tree", "-r", "-z", "--full-tree", commit };
        if (subdirectory.Length > 0)
        {
            arguments.Add("--");
            arguments.Add(subdirectory);
        }

        var (exitCode, output, error) = git.Run(arguments);
        if (exitCode != 0)
        {
            throw new SchemaInputException($"{input.Text}: git ls-tree failed: {OneLine(error)}");
        }

        var files = new List<(string Path, string Blob)>();
        var anyEntry = false;
        foreach (var entry in Encoding.UTF8.GetString(output).Split(new[] { '\0' }, StringSplitOptions.RemoveEmptyEntries))
        {
            // "<mode> <type> <object>\t<path>"
            var tab = entry.IndexOf('\t');
            if (tab < 0)
            {
                continue;
            }

            var fields = entry.Substring(0, tab).Split(' ');
            var path = entry.Substring(tab + 1);
            if (subdirectory.Length > 0 && !path.StartsWith(subdirectory + "/", StringComparison.Ordinal))
            {
                // A pathspec "protos" also matches a file named "protos"; only the directory counts.
                continue;
            }

            anyEntry = true;
            if (fields.Length == 3 && fields[1] == "blob" && fields[0] != "120000" && path.EndsWith(".proto", StringComparison.Ordinal))
            {
                files.Add((path, fields[2]));
            }
        }

        if (!anyEntry && subdirectory.Length > 0)
        {
            throw new SchemaInputException($"{input.Text}: '{subdirectory}' is not a directory at '{input.GitRef}'");
        }

        if (files.Count == 0)
        {
            throw new SchemaInputException($"{input.Text}: no .proto file at '{input.GitRef}' under '{(subdirectory.Length == 0 ? "." : subdirectory)}'");
        }

        return files;
    }

    private static List<byte[]> ReadBlobs(GitProcess git, List<string> blobs, SchemaInput input)
    {
        var request = Encoding.ASCII.GetBytes(string.Join("\n", blobs) + "\n");
        var (exitCode, output, error) = git.Run(new[] { "cat-file", "--batch" }, request);
        if (exitCode != 0)
        {
            throw new SchemaInputException($"{input.Text}: git cat-file failed: {OneLine(error)}");
        }

        // Each answer: "<object> blob <size>\n<size bytes>\n".
        var contents = new List<byte[]>(blobs.Count);
        var position = 0;
        foreach (var blob in blobs)
        {
            var lineEnd = Array.IndexOf(output, (byte)'\n', position);
            if (lineEnd < 0)
            {
                throw new SchemaInputException($"{input.Text}: git cat-file gave a short answer for {blob}");
            }

            var header = Encoding.ASCII.GetString(output, position, lineEnd - position).Split(' ');
            if (header.Length != 3 || header[1] != "blob" || !int.TryParse(header[2], NumberStyles.None, CultureInfo.InvariantCulture, out var size)
                || lineEnd + 1 + size > output.Length)
            {
                throw new SchemaInputException($"{input.Text}: git cat-file gave an unexpected answer for {blob}");
            }

            var content = new byte[size];
            Buffer.BlockCopy(output, lineEnd + 1, content, 0, size);
            contents.Add(content);
            position = lineEnd + 1 + size + 1;
        }

        return contents;
    }

    /// <summary>protoc names a file it cannot parse by its disk path; inside the root, the name relative to it is the one to show.</summary>
    private static string RelativeToRoot(string root, string path)
    {
        if (!Path.IsPathRooted(path))
        {
            return path;
        }

        var fullRoot = Path.GetFullPath(root).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar) + Path.DirectorySeparatorChar;
        return path.StartsWith(fullRoot, StringComparison.Ordinal)
            ? path.Substring(fullRoot.Length).Replace(Path.DirectorySeparatorChar, '/')
            : path;
    }

    private static string JoinDisplay(string root, string relative)
    {
        if (Path.IsPathRooted(relative))
        {
            return relative;
        }

        if (root.EndsWith(":", StringComparison.Ordinal))
        {
            return root + relative;
        }

        var separator = root.Contains("\\") && !root.Contains("/") ? "\\" : "/";
        return root.TrimEnd('/', '\\') + separator + relative;
    }

    private static string OneLine(string text) =>
        string.Join(" ", text.Split(new[] { '\r', '\n', '\t' }, StringSplitOptions.RemoveEmptyEntries).Select(part => part.Trim()).Where(part => part.Length > 0));
}
