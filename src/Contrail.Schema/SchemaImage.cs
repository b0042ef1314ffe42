using System;
using System.Collections.Generic;
using System.Linq;
using Google.Protobuf.Reflection;

namespace Contrail.Schema;

/// <summary>
/// A compiled schema: the <see cref="FileDescriptorProto"/>s of a FileDescriptorSet or buf image, in
/// dependency order, and which of them are imports (present to resolve types, not checked themselves).
/// </summary>
public sealed class SchemaImage
{
    private readonly Dictionary<string, FileDescriptorProto> _filesByPath;
    private readonly HashSet<string> _importPaths;

    /// <summary>Creates an image from files in dependency order.</summary>
    /// <param name="files">The files; paths are unique.</param>
    /// <param name="importPaths">The paths of the files that are imports rather than the input's own.</param>
    public SchemaImage(IEnumerable<FileDescriptorProto> files, IEnumerable<string>? importPaths = null)
    {
        if (files is null)
        {
            throw new ArgumentNullException(nameof(files));
        }

        Files = files.ToList();
        _filesByPath = new Dictionary<string, FileDescriptorProto>(StringComparer.Ordinal);
        foreach (var file in Files)
        {
            if (_filesByPath.ContainsKey(file.Name))
            {
                throw new ArgumentException($"The image holds '{file.Name}' twice.", nameof(files));
            }

            _filesByPath.Add(file.Name, file);
        }

        _importPaths = new HashSet<string>(importPaths ?? Array.Empty<string>(), StringComparer.Ordinal);
    }

    /// <summary>Every file, imports included, in dependency order.</summary>
    public IReadOnlyList<FileDescriptorProto> Files { get; }

    /// <summary>The input's own files: every file that is not an import.</summary>
    public IEnumerable<FileDescriptorProto> OwnFiles => Files.Where(file => !_importPaths.Contains(file.Name));

    /// <summary>Whether the file at <paramref name="path"/> is an import rather than one of the input's own files.</summary>
    public bool IsImport(string path) => _importPaths.Contains(path);

    /// <summary>The file at <paramref name="path"/> (as protoc names it, relative to its include root), or null.</summary>
    public FileDescriptorProto? FindFile(string path) => _filesByPath.TryGetValue(path, out var file) ? file : null;
}
