using System;
using System.ComponentModel;

namespace Contrail;

/// <summary>
/// Emitted by Contrail's generator into an assembly that declares <see cref="GrpcErrorAttribute"/>
/// errors: the assembly's error catalog as JSON, readable from the compiled assembly's metadata
/// without running it (<c>contrail errors list</c> reads it).
/// </summary>
/// <remarks>Not meant to be written by hand.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
[AttributeUsage(AttributeTargets.Assembly, Inherited = false, AllowMultiple = false)]
public sealed class ErrorCatalogAttribute : Attribute
{
    /// <summary>Creates the attribute.</summary>
    /// <param name="json">The catalog, as JSON.</param>
    public ErrorCatalogAttribute(string json)
    {
        Json = json;
    }

    /// <summary>Gets the catalog, as JSON.</summary>
    public string Json { get; }

    /// <summary>
    /// Gets or sets the generated class that maps the assembly's errors, so that another assembly's
    /// traced services can map them too.
    /// </summary>
    public Type? Mapper { get; set; }
}
