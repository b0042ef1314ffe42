using System;
using System.Diagnostics.CodeAnalysis;

namespace Grpc.Core;

/// <summary>
/// Put on a generated service base class; names the static method that binds the service's methods
/// (used by Grpc.AspNetCore.Server to discover them).
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = true)]
public class BindServiceMethodAttribute : Attribute
{
    private const DynamicallyAccessedMemberTypes ServiceBinderAccessibility =
        DynamicallyAccessedMemberTypes.PublicMethods | DynamicallyAccessedMemberTypes.NonPublicMethods | DynamicallyAccessedMemberTypes.PublicProperties;

    public BindServiceMethodAttribute([DynamicallyAccessedMembers(ServiceBinderAccessibility)] Type bindType, string bindMethodName)
    {
        BindType = bindType;
        BindMethodName = bindMethodName;
    }

    [DynamicallyAccessedMembers(ServiceBinderAccessibility)]
    public Type BindType { get; }

    public string BindMethodName { get; }
}
