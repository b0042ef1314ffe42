using System;
using System.Collections.Concurrent;
using System.IO;

namespace Contrail.Generators.Common;

/// <summary>
/// The runtime support files under <c>Runtime/</c>: ordinary C# compiled and tested in this
/// repository, embedded in the generator (see the project file) and emitted as they are.
/// </summary>
internal static class EmbeddedRuntime
{
    /// <summary>The prefix of the resources' logical names; the project file gives each file this name.</summary>
    public const string ResourcePrefix = "Contrail.Generators.Runtime.";

    private static readonly ConcurrentDictionary<string, string> Texts = new(StringComparer.Ordinal);

    /// <summary>The text of one runtime file, e.g. <c>ContrailServerTelemetry.cs</c>, read once per process.</summary>
    public static string Read(string fileName) => Texts.GetOrAdd(fileName, static name =>
    {
        using var stream = typeof(EmbeddedRuntime).Assembly.GetManifestResourceStream(ResourcePrefix + name)
            ?? throw new InvalidOperationException($"The generator assembly has no embedded runtime file '{name}'.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });
}
