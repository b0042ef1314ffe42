using System;

namespace Contrail;

/// <summary>
/// Sends a property of a <see cref="GrpcErrorAttribute"/> exception to the client as an
/// <c>ErrorInfo.metadata</c> entry. Only members marked with it leave the server.
/// </summary>
/// <remarks>
/// The key is lowerCamelCase, at most 64 characters (AIP-193). Values are strings, booleans,
/// integral numbers, enums or <see cref="Guid"/>s, formatted with the invariant culture; the client
/// helpers parse them back.
/// </remarks>
[AttributeUsage(AttributeTargets.Property, Inherited = true, AllowMultiple = false)]
public sealed class ErrorMetadataAttribute : Attribute
{
    /// <summary>Creates the attribute.</summary>
    /// <param name="key">The metadata key, e.g. <c>orderId</c>.</param>
    public ErrorMetadataAttribute(string key)
    {
        Key = key;
    }

    /// <summary>Gets the metadata key.</summary>
    public string Key { get; }
}
