using System;
using System.IO;
using Contrail.Schema.Images;

namespace Contrail.Schema.Inputs;

/// <summary>What kind of thing an input string names.</summary>
public enum SchemaInputKind
{
    /// <summary>A directory of <c>.proto</c> files, compiled with protoc.</summary>
    Directory,

    /// <summary>A FileDescriptorSet or buf image file (<c>.binpb</c>, <c>.pb</c>, <c>.bin</c>, <c>.json</c>).</summary>
    Image,

    /// <summary>A directory of <c>.proto</c> files at a git revision of the repository: <c>git:REF[:SUBDIR]</c>.</summary>
    Git,
}

/// <summary>
/// A schema input as the user wrote it: a directory of <c>.proto</c> files, an image file, or
/// <c>git:REF[:SUBDIR]</c> — the <c>.proto</c> files under SUBDIR (relative to the repository's root)
/// at REF, anything <c>git rev-parse</c> understands: <c>git:main</c>, <c>git:HEAD~1:protos</c>,
/// <c>git:v1.2.0:api/protos</c>, <c>git:origin/main</c>.
/// </summary>
/// <remarks>
/// The first colon after <c>git:</c> ends REF: git forbids colons in branch and tag names, so no ref is
/// cut short. An empty SUBDIR (<c>git:main:</c>) means the repository's root; a missing one lets the
/// caller choose (see <see cref="SchemaInputResolver"/>).
/// </remarks>
public sealed class SchemaInput
{
    /// <summary>The prefix of a git input.</summary>
    public const string GitPrefix = "git:";

    private SchemaInput(string text, SchemaInputKind kind, string path, string? gitRef, string? gitSubdirectory)
    {
        Text = text;
        Kind = kind;
        Path = path;
        GitRef = gitRef;
        GitSubdirectory = gitSubdirectory;
    }

    /// <summary>The input as the user wrote it; inputs are named so in messages.</summary>
    public string Text { get; }

    /// <summary>What the input names.</summary>
    public SchemaInputKind Kind { get; }

    /// <summary>The directory or image file (as given, relative to the working directory); empty for a git input.</summary>
    public string Path { get; }

    /// <summary>The revision of a git input, e.g. <c>main</c> or <c>HEAD~1</c>; null otherwise.</summary>
    public string? GitRef { get; }

    /// <summary>
    /// The subdirectory of a git input, relative to the repository's root with '/' separators (empty for the root),
    /// or null when the input did not name one.
    /// </summary>
    public string? GitSubdirectory { get; }

    /// <summary>Parses an input string. Whether a path exists is checked when it is loaded, not here.</summary>
    /// <param name="text">The input: a directory, an image file or <c>git:REF[:SUBDIR]</c>.</param>
    /// <returns>The input.</returns>
    /// <exception cref="SchemaInputException">The text is empty, or a git input has no ref or an unsafe subdirectory.</exception>
    public static SchemaInput Parse(string text)
    {
        if (text is null)
        {
            throw new ArgumentNullException(nameof(text));
        }

        if (text.Trim().Length == 0)
        {
            throw new SchemaInputException("an input is empty (expected a directory, an image file or git:REF[:SUBDIR])");
        }

        if (text.StartsWith(GitPrefix, StringComparison.Ordinal))
        {
            var rest = text.Substring(GitPrefix.Length);
            var colon = rest.IndexOf(':');
            var gitRef = colon < 0 ? rest : rest.Substring(0, colon);
            var subdirectory = colon < 0 ? null : NormalizeSubdirectory(rest.Substring(colon + 1), text);
            if (gitRef.Length == 0 || gitRef.StartsWith("-", StringComparison.Ordinal) || gitRef.Trim() != gitRef)
            {
                throw new SchemaInputException($"'{text}' names no git ref (expected git:REF[:SUBDIR], e.g. git:main or git:HEAD~1:protos)");
            }

            return new SchemaInput(text, SchemaInputKind.Git, string.Empty, gitRef, subdirectory);
        }

        var kind = !System.IO.Directory.Exists(text) && SchemaImageFormats.TryFromPath(text, out _)
            ? SchemaInputKind.Image
            : SchemaInputKind.Directory;
        return new SchemaInput(text, kind, text, null, null);
    }

    /// <inheritdoc />
    public override string ToString() => Text;

    private static string NormalizeSubdirectory(string subdirectory, string text)
    {
        var normalized = subdirectory.Replace('\\', '/').Trim('/');
        foreach (var segment in normalized.Split('/'))
        {
            if (segment == "..")
            {
                throw new SchemaInputException($"'{text}': the subdirectory must stay inside the repository (no '..')");
            }
        }

        return normalized == "." ? string.Empty : normalized;
    }
}
