using System;
using System.ComponentModel;

namespace Contrail;

/// <summary>
/// Emitted by Contrail's generator into an assembly that declares public traced services, so that a
/// host project referencing that assembly registers them from its own <c>AddContrail()</c>.
/// </summary>
/// <remarks>Not meant to be written by hand.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
[AttributeUsage(AttributeTargets.Assembly, Inherited = false, AllowMultiple = true)]
public sealed class TracedServiceRegistrationAttribute : Attribute
{
    /// <summary>Creates the attribute.</summary>
    /// <param name="serviceType">The traced gRPC service class.</param>
    /// <param name="interceptorType">The generated interceptor that traces it.</param>
    public TracedServiceRegistrationAttribute(Type serviceType, Type interceptorType)
    {
        ServiceType = serviceType;
        InterceptorType = interceptorType;
    }

    /// <summary>Gets the traced gRPC service class.</summary>
    public Type ServiceType { get; }

    /// <summary>Gets the generated interceptor that traces the service.</summary>
    public Type InterceptorType { get; }
}
