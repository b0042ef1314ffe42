using System;

namespace Contrail;

/// <summary>
/// Overrides whether a gRPC status code marks the server span as an error.
/// </summary>
/// <remarks>
/// By the OpenTelemetry RPC conventions a server span is an error only for <c>UNKNOWN</c>,
/// <c>DEADLINE_EXCEEDED</c>, <c>UNIMPLEMENTED</c>, <c>INTERNAL</c>, <c>UNAVAILABLE</c> and
/// <c>DATA_LOSS</c>. Put this attribute on the service class to change the rule for all its methods,
/// or on a method to change it for that method only; a method's attribute wins over the class's for
/// the same code. <c>error.type</c> on the span and on <c>rpc.server.call.duration</c> follows the
/// same decision.
/// </remarks>
/// <example>
/// <code>
/// [TracedService]
/// [SpanStatus(GrpcStatusCode.NotFound, IsError = true)]
/// [SpanStatus(GrpcStatusCode.DeadlineExceeded, IsError = false)]
/// public sealed class OrderService : Orders.OrdersBase { ... }
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, Inherited = false, AllowMultiple = true)]
public sealed class SpanStatusAttribute : Attribute
{
    /// <summary>Creates the attribute.</summary>
    /// <param name="code">The status code whose treatment changes.</param>
    public SpanStatusAttribute(GrpcStatusCode code)
    {
        Code = code;
    }

    /// <summary>Gets the status code whose treatment changes.</summary>
    public GrpcStatusCode Code { get; }

    /// <summary>Gets or sets whether the code marks the span as an error. Defaults to <see langword="true"/>.</summary>
    public bool IsError { get; set; } = true;
}
