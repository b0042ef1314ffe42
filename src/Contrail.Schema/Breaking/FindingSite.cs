using System;

namespace Contrail.Schema.Breaking;

/// <summary>
/// Where a finding points: a source path in one file of an image, or only a file's path (an element with no span
/// of its own, such as a deleted file or service, which buf places at the file's start).
/// </summary>
internal readonly struct FindingSite
{
    private FindingSite(string filePath, FileNode? file, int[]? path)
    {
        FilePath = filePath;
        File = file;
        Path = path;
    }

    /// <summary>No site: a finding with no baseline location.</summary>
    public static FindingSite None => default;

    /// <summary>The path the finding is reported under.</summary>
    public string FilePath { get; }

    /// <summary>The file holding the span, or null when there is none to look up.</summary>
    public FileNode? File { get; }

    /// <summary>The source path in <see cref="File"/>, or null for the file's start.</summary>
    public int[]? Path { get; }

    /// <summary>The element itself, or the source path <paramref name="tail"/> below it (an option, a type, a name).</summary>
    public static FindingSite Of(ISchemaElement element, params int[] tail)
        => new(element.File.Path, element.File, tail.Length == 0 ? element.Path : Below(element.Path, tail));

    /// <summary>A source path in <paramref name="file"/>; a null path is the file's start.</summary>
    public static FindingSite In(FileNode file, int[]? path) => new(file.Path, file, path);

    /// <summary>The start of the file at <paramref name="filePath"/>, with no span looked up.</summary>
    public static FindingSite StartOf(string filePath) => new(filePath, null, null);

    /// <summary>The first candidate path that has a location in <paramref name="file"/>, else the file's start (buf's withBackupLocation).</summary>
    public static FindingSite FirstPresent(FileNode file, params int[][] candidates)
    {
        foreach (var candidate in candidates)
        {
            if (file.Location(candidate) is not null)
            {
                return new(file.Path, file, candidate);
            }
        }

        return new(file.Path, file, null);
    }

    /// <summary><paramref name="path"/> followed by <paramref name="tail"/>.</summary>
    public static int[] Below(int[] path, params int[] tail)
    {
        var result = new int[path.Length + tail.Length];
        Array.Copy(path, result, path.Length);
        Array.Copy(tail, 0, result, path.Length, tail.Length);
        return result;
    }
}
