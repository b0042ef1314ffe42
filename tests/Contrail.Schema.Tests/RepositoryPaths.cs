using System;
using System.IO;

namespace Contrail.Schema.Tests;

/// <summary>Finds the repository from the test assembly's folder, so tests read checked-in data in place.</summary>
internal static class RepositoryPaths
{
    private static readonly Lazy<string> LazyRoot = new(() =>
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Generators.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("The repository root (with Generators.sln) is not above the test assembly.");
    });

    public static string Root => LazyRoot.Value;

    public static string Corpus => Path.Combine(Root, "tests", "Contrail.Schema.Tests", "Parity", "Corpus");
}
