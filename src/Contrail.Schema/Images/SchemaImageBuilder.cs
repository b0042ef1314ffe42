using System;
using System.Collections.Generic;
using System.Linq;
using Google.Protobuf.Reflection;

namespace Contrail.Schema.Images;

/// <summary>
/// Validates a set of files and puts them in the canonical order every Contrail image uses, so that the
/// same schema always gives the same image, whatever order protoc or a file system listed it in.
/// </summary>
/// <remarks>
/// The canonical order is a depth-first post-order: files are visited by path (ordinal), and each file's
/// imports, in their declared order, come before it. Dependencies therefore always precede their users,
/// as protoc and buf require.
/// </remarks>
public static class SchemaImageBuilder
{
    /// <summary>Creates a validated image in canonical order.</summary>
    /// <param name="files">The files, in any order.</param>
    /// <param name="importPaths">The paths of the files that are imports rather than the input's own.</param>
    /// <param name="sourceName">The name of where the files came from, for error messages (e.g. the image's path).</param>
    /// <returns>The image.</returns>
    /// <exception cref="SchemaFormatException">
    /// A file has no name, two files share a name, a file imports one the set does not hold, the imports
    /// form a cycle, or a public or weak import index is out of range.
    /// </exception>
    public static SchemaImage Create(IEnumerable<FileDescriptorProto> files, IEnumerable<string>? importPaths, string sourceName)
    {
        if (files is null)
        {
            throw new ArgumentNullException(nameof(files));
        }

        if (sourceName is null)
        {
            throw new ArgumentNullException(nameof(sourceName));
        }

        var byPath = new Dictionary<string, FileDescriptorProto>(StringComparer.Ordinal);
        var index = 0;
        foreach (var file in files)
        {
            if (string.IsNullOrEmpty(file.Name))
            {
                throw new SchemaFormatException(sourceName, $"file #{index + 1} has no name");
            }

            if (byPath.ContainsKey(file.Name))
            {
                throw new SchemaFormatException(sourceName, $"{SchemaText.Quote(file.Name)} is in the image twice");
            }

            ValidateDependencyIndexes(file, sourceName);
            byPath.Add(file.Name, file);
            index++;
        }

        var imports = new HashSet<string>(importPaths ?? Array.Empty<string>(), StringComparer.Ordinal);
        foreach (var import in imports)
        {
            if (!byPath.ContainsKey(import))
            {
                throw new SchemaFormatException(sourceName, $"{SchemaText.Quote(import)} is marked as an import but the image does not hold it");
            }
        }

        var ordered = new List<FileDescriptorProto>(byPath.Count);
        var state = new Dictionary<string, VisitState>(StringComparer.Ordinal);
        var stack = new List<string>();
        foreach (var path in byPath.Keys.OrderBy(path => path, StringComparer.Ordinal))
        {
            Visit(path, byPath, state, stack, ordered, sourceName);
        }

        return new SchemaImage(ordered, imports.OrderBy(path => path, StringComparer.Ordinal));
    }

    private static void ValidateDependencyIndexes(FileDescriptorProto file, string sourceName)
    {
        foreach (var dependencyIndex in file.PublicDependency.Concat(file.WeakDependency))
        {
            if (dependencyIndex < 0 || dependencyIndex >= file.Dependency.Count)
            {
                throw new SchemaFormatException(
                    sourceName,
                    $"{SchemaText.Quote(file.Name)} names import #{dependencyIndex} as public or weak, but has {file.Dependency.Count} imports");
            }
        }
    }

    private static void Visit(
        string root,
        Dictionary<string, FileDescriptorProto> byPath,
        Dictionary<string, VisitState> state,
        List<string> stack,
        List<FileDescriptorProto> ordered,
        string sourceName)
    {
        // Iterative depth-first search: a generated or hostile image may chain thousands of imports,
        // more than the call stack should be trusted with.
        if (state.ContainsKey(root))
        {
            return;
        }

        var work = new Stack<(string Path, int NextDependency)>();
        work.Push((root, 0));
        state[root] = VisitState.InProgress;
        stack.Add(root);
        while (work.Count > 0)
        {
            var (path, next) = work.Pop();
            var file = byPath[path];
            if (next < file.Dependency.Count)
            {
                work.Push((path, next + 1));
                var dependency = file.Dependency[next];
                if (!byPath.ContainsKey(dependency))
                {
                    throw new SchemaFormatException(sourceName, $"{SchemaText.Quote(path)} imports {SchemaText.Quote(dependency)}, which the image does not hold");
                }

                if (state.TryGetValue(dependency, out var dependencyState))
                {
                    if (dependencyState == VisitState.InProgress)
                    {
                        var cycleStart = stack.IndexOf(dependency);
                        var cycle = stack.Skip(cycleStart).Concat(new[] { dependency }).Select(SchemaText.Quote);
                        throw new SchemaFormatException(sourceName, "import cycle: " + string.Join(" -> ", cycle));
                    }

                    continue;
                }

                state[dependency] = VisitState.InProgress;
                stack.Add(dependency);
                work.Push((dependency, 0));
                continue;
            }

            state[path] = VisitState.Done;
            stack.RemoveAt(stack.Count - 1);
            ordered.Add(file);
        }
    }

    private enum VisitState
    {
        InProgress,
        Done,
    }
}
