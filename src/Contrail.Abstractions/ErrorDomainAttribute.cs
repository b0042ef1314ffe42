using System;

namespace Contrail;

/// <summary>
/// The default <c>google.rpc.ErrorInfo</c> domain of the assembly's <see cref="GrpcErrorAttribute"/>
/// errors: a globally unique name, usually the service's DNS name (e.g. <c>shop.acme.example</c>).
/// </summary>
/// <remarks>
/// The generated error helpers (mapping, client helpers, catalog) are one static class named
/// <see cref="CatalogName"/>, in the namespace the assembly's error types share.
/// </remarks>
[AttributeUsage(AttributeTargets.Assembly, Inherited = false, AllowMultiple = false)]
public sealed class ErrorDomainAttribute : Attribute
{
    /// <summary>Creates the attribute.</summary>
    /// <param name="domain">The error domain.</param>
    public ErrorDomainAttribute(string domain)
    {
        Domain = domain;
    }

    /// <summary>Gets the error domain.</summary>
    public string Domain { get; }

    /// <summary>Gets or sets the name of the generated error helper class. Defaults to <c>GrpcErrors</c>.</summary>
    public string? CatalogName { get; set; }
}
