using System;

namespace Contrail;

/// <summary>
/// Maps an exception type, or a member of an error enum, to a gRPC status and a
/// <c>google.rpc.ErrorInfo</c> reason, at compile time.
/// </summary>
/// <remarks>
/// <para>
/// On an exception type: when a <see cref="TracedServiceAttribute"/> handler (or a service behind the
/// generated error interceptor) throws it, the client receives <see cref="Code"/>, the message, and a
/// <c>grpc-status-details-bin</c> trailer holding a <c>google.rpc.Status</c> with one <c>ErrorInfo</c>
/// (reason, domain and the members marked <see cref="ErrorMetadataAttribute"/>). The most derived
/// mapped type wins.
/// </para>
/// <para>
/// On an enum member: the generated <c>ToRpcException</c> for the enum builds the same error; use it
/// for error catalogs without exception types.
/// </para>
/// <para>
/// The reason follows AIP-193: UPPER_SNAKE_CASE, at most 63 characters, unique within its domain.
/// </para>
/// </remarks>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Field, Inherited = false, AllowMultiple = false)]
public sealed class GrpcErrorAttribute : Attribute
{
    /// <summary>Creates the attribute.</summary>
    /// <param name="code">The status code the client receives.</param>
    /// <param name="reason">The <c>ErrorInfo.reason</c>, e.g. <c>ORDER_NOT_FOUND</c>.</param>
    public GrpcErrorAttribute(GrpcStatusCode code, string reason)
    {
        Code = code;
        Reason = reason;
    }

    /// <summary>Gets the status code the client receives.</summary>
    public GrpcStatusCode Code { get; }

    /// <summary>Gets the <c>ErrorInfo.reason</c>.</summary>
    public string Reason { get; }

    /// <summary>
    /// Gets or sets the <c>ErrorInfo.domain</c>; defaults to the assembly's
    /// <see cref="ErrorDomainAttribute"/>.
    /// </summary>
    public string? Domain { get; set; }

    /// <summary>
    /// Gets or sets the status message sent to the client. <c>{key}</c> placeholders are replaced by
    /// the metadata values of the same key. Defaults to the exception's message (for an enum member,
    /// to the reason).
    /// </summary>
    public string? Message { get; set; }
}
