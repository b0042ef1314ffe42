using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Contrail.Schema;
using Contrail.Schema.Protoc;

namespace Contrail.Analyzers.ProtoContracts;

/// <summary>One <c>&lt;Protobuf&gt;</c> item: the file on disk, its proto root and its name in the schema.</summary>
internal sealed class ProtoProjectFile
{
    public ProtoProjectFile(string fullPath, string rootFullPath, byte[]? content = null)
    {
        Content = content;
        FullPath = Path.GetFullPath(fullPath);
        RootFullPath = Path.GetFullPath(rootFullPath);
        VirtualPath = ToVirtualPath(RootFullPath, FullPath);
    }

    /// <summary>The file's bytes on disk when they were read (the cache key of the check), or null.</summary>
    public byte[]? Content { get; }

    /// <summary>The file's full path.</summary>
    public string FullPath { get; }

    /// <summary>The full path of the directory protoc resolves the file against (Grpc.Tools' <c>ProtoRoot</c>).</summary>
    public string RootFullPath { get; }

    /// <summary>The file's name in the schema, as protoc and buf name it: relative to the root, with '/'.</summary>
    public string VirtualPath { get; }

    private static string ToVirtualPath(string root, string file)
    {
        var prefix = root.EndsWith(Path.DirectorySeparatorChar.ToString(), StringComparison.Ordinal) ? root : root + Path.DirectorySeparatorChar;
        var relative = file.StartsWith(prefix, PathComparison) ? file.Substring(prefix.Length) : Path.GetFileName(file);
        return relative.Replace(Path.DirectorySeparatorChar, '/').Replace(Path.AltDirectorySeparatorChar, '/');
    }

    private static StringComparison PathComparison =>
        Path.DirectorySeparatorChar == '\\' ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
}

/// <summary>
/// Compiles a project's <c>&lt;Protobuf&gt;</c> items the way Grpc.Tools does (each file against its proto
/// root, then the additional import directories, then the well-known types), through the engine's
/// <see cref="ProtocCompiler"/>, so the analyzer, the accept target and <c>contrail proto</c> see the same schema.
/// </summary>
internal static class ProtoProjectCompiler
{
    /// <summary>Compiles <paramref name="files"/> into an image with source info and imports.</summary>
    /// <exception cref="ProtocNotFoundException">protoc could not be found or started.</exception>
    /// <exception cref="ProtocCompilationException">protoc rejected a file.</exception>
    /// <exception cref="ProtocException">protoc timed out or wrote unreadable output.</exception>
    public static SchemaImage Compile(IReadOnlyList<ProtoProjectFile> files, string? protocPath, string? standardImportsPath, IReadOnlyList<string> importDirectories)
    {
        if (files.Count == 0)
        {
            throw new ArgumentException("There is no .proto file to compile.", nameof(files));
        }

        var ordered = files.OrderBy(file => file.VirtualPath, StringComparer.Ordinal).ToList();
        var roots = ordered.Select(file => file.RootFullPath).Distinct(StringComparer.Ordinal).ToList();

        // Grpc.Tools gives protoc every file's own root; protoc searches them in order, so the first root
        // is the compile root and the others come first among the include paths.
        var installation = protocPath is null
            ? ProtocInstallation.Locate()
            : new ProtocInstallation(protocPath, standardImportsPath);
        var includes = roots.Skip(1).Concat(importDirectories).ToList();
        return ProtocCompiler.Compile(
            roots[0],
            ordered.Select(file => file.VirtualPath).Distinct(StringComparer.Ordinal).ToList(),
            new ProtocCompileOptions { Installation = installation, IncludePaths = includes });
    }
}
