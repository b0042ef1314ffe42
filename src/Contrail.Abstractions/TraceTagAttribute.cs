using System;

namespace Contrail;

/// <summary>
/// Records a member of an RPC's request message as an attribute of the call's span.
/// </summary>
/// <remarks>
/// The member path names a property of the request message, for example
/// <c>nameof(GetOrderRequest.OrderId)</c>, or a dotted path into nested messages such as
/// <c>"Customer.Tier"</c>. Recordable values are strings, booleans, integral and floating-point
/// numbers and enums; a nested message that is absent records nothing. Only unary and
/// server-streaming methods have a single request to read from.
/// </remarks>
[AttributeUsage(AttributeTargets.Method, Inherited = false, AllowMultiple = true)]
public sealed class TraceTagAttribute : Attribute
{
    /// <summary>Creates the attribute.</summary>
    /// <param name="name">The span attribute name, for example <c>acme.order.id</c>.</param>
    /// <param name="member">The request member to record, or a dotted path to a nested member.</param>
    public TraceTagAttribute(string name, string member)
    {
        Name = name;
        Member = member;
    }

    /// <summary>Gets the span attribute name.</summary>
    public string Name { get; }

    /// <summary>Gets the request member, or dotted member path, whose value is recorded.</summary>
    public string Member { get; }
}
