using System;

namespace Contrail;

/// <summary>
/// Emitted by Contrail's generator into an assembly that declares <see cref="MeterAttribute"/> classes:
/// every instrument (meter, name, kind, unit, description, tag keys) as JSON, readable from the
/// compiled assembly's metadata without running it (<c>contrail metrics list</c> reads it).
/// </summary>
/// <remarks>Not meant to be written by hand.</remarks>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
[AttributeUsage(AttributeTargets.Assembly, Inherited = false, AllowMultiple = false)]
public sealed class MetricsManifestAttribute : Attribute
{
    /// <summary>Creates the attribute.</summary>
    /// <param name="json">The manifest, as JSON.</param>
    public MetricsManifestAttribute(string json)
    {
        Json = json;
    }

    /// <summary>Gets the manifest, as JSON.</summary>
    public string Json { get; }
}
