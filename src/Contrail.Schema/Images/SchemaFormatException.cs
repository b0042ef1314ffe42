using System;

namespace Contrail.Schema.Images;

/// <summary>
/// An image (a FileDescriptorSet or buf image, binary or JSON) that cannot be read or is not a valid
/// schema: garbage, truncated, a file without a name, a file held twice, an import the image does not
/// hold, an import cycle. The one exception type <see cref="SchemaImageReader"/> throws for bad content.
/// </summary>
/// <remarks>
/// The message is one line, <c>&lt;source&gt;: &lt;problem&gt;</c>, naming the image and, where there is
/// one, the file inside it, e.g. <c>baseline.binpb: 'acme/v1/a.proto' imports 'acme/v1/b.proto', which the image does not hold</c>.
/// </remarks>
public sealed class SchemaFormatException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="sourceName">The image's name as the user gave it (a file path, or a description such as <c>protoc output</c>).</param>
    /// <param name="problem">What is wrong, one line, without the source name.</param>
    public SchemaFormatException(string sourceName, string problem)
        : this(sourceName, problem, null)
    {
    }

    /// <summary>Creates the exception with the exception that caused it.</summary>
    /// <param name="sourceName">The image's name as the user gave it.</param>
    /// <param name="problem">What is wrong, one line, without the source name.</param>
    /// <param name="innerException">The cause, e.g. Google.Protobuf's parse error.</param>
    public SchemaFormatException(string sourceName, string problem, Exception? innerException)
        : base(sourceName + ": " + problem, innerException)
    {
        SourceName = sourceName;
        Problem = problem;
    }

    /// <summary>The image's name as the user gave it.</summary>
    public string SourceName { get; }

    /// <summary>What is wrong, without the source name.</summary>
    public string Problem { get; }
}
