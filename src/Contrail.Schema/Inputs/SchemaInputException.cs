using System;

namespace Contrail.Schema.Inputs;

/// <summary>
/// An input that cannot be turned into a schema: a path that does not exist, an empty directory,
/// <c>.proto</c> files protoc rejects, protoc missing, a git ref git cannot resolve, or an image that is
/// not valid. The message is one line, fit to print as <c>contrail: &lt;message&gt;</c>.
/// </summary>
public sealed class SchemaInputException : Exception
{
    /// <summary>Creates the exception with a one-line message.</summary>
    /// <param name="message">The reason.</param>
    public SchemaInputException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a one-line message and its cause.</summary>
    /// <param name="message">The reason.</param>
    /// <param name="innerException">The cause (a protoc, image or git failure).</param>
    public SchemaInputException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
