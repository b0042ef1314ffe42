using System;
using System.Collections.Concurrent;
using System.IO;
using System.Linq;

namespace Contrail.Generators.Common;

/// <summary>
/// The runtime support files under <c>Runtime/</c>: ordinary C# compiled and tested in this
/// repository, embedded in the generator (see the project file) and emitted as they are.
/// </summary>
internal static class EmbeddedRuntime
{
    /// <summary>The prefix of the resources' logical names; the project file gives each file this name.</summary>
    public const string ResourcePrefix = "Contrail.Generators.Runtime.";

    /// <summary>The indentation of a member inside a namespace block and a class.</summary>
    private const string MemberIndent = "        ";

    private static readonly ConcurrentDictionary<string, string> Texts = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, string> Members = new(StringComparer.Ordinal);

    /// <summary>The text of one runtime file, e.g. <c>ContrailServerTelemetry.cs</c>, read once per process.</summary>
    public static string Read(string fileName) => Texts.GetOrAdd(fileName, static name =>
    {
        using var stream = typeof(EmbeddedRuntime).Assembly.GetManifestResourceStream(ResourcePrefix + name)
            ?? throw new InvalidOperationException($"The generator assembly has no embedded runtime file '{name}'.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    /// <summary>
    /// The members of a runtime file's one class, unindented: the body between the braces of its
    /// <c>internal static partial class</c>. For members each generated class gets its own copy of
    /// (an error catalog's public nested types), which the generator writes inside that class.
    /// </summary>
    public static string ReadMembers(string fileName) => Members.GetOrAdd(fileName, static name =>
    {
        var lines = Read(name).Replace("\r\n", "\n").Split('\n');
        var declaration = Array.FindIndex(lines, l => l.StartsWith("    internal static partial class ", StringComparison.Ordinal));
        var close = Array.FindLastIndex(lines, l => l == "    }");
        if (declaration < 0 || declaration + 1 >= close || lines[declaration + 1] != "    {")
        {
            throw new InvalidOperationException($"The runtime file '{name}' does not hold one partial class at namespace level.");
        }

        var body = lines.Skip(declaration + 2).Take(close - declaration - 2)
            .Select(l => l.StartsWith(MemberIndent, StringComparison.Ordinal) ? l.Substring(MemberIndent.Length) : l.TrimStart());
        return string.Join("\n", body);
    });
}
