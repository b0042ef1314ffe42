using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using Microsoft.Extensions.DependencyInjection;

namespace Grpc.AspNetCore.Server;

/// <summary>A registration of an interceptor type (and its constructor arguments) in the server pipeline.</summary>
public class InterceptorRegistration
{
    internal const DynamicallyAccessedMemberTypes InterceptorAccessibility =
        DynamicallyAccessedMemberTypes.PublicConstructors | DynamicallyAccessedMemberTypes.PublicMethods;

    internal object[] _args;
    private ObjectFactory? _factory;

    internal InterceptorRegistration([DynamicallyAccessedMembers(InterceptorAccessibility)] Type type, object[] arguments)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(arguments);
        if (arguments.Any(argument => argument is null))
        {
            throw new ArgumentException("Interceptor arguments contains a null value. Null interceptor arguments are not supported.", nameof(arguments));
        }

        Type = type;
        _args = arguments;
    }

    /// <summary>The interceptor type.</summary>
    [DynamicallyAccessedMembers(InterceptorAccessibility)]
    public Type Type { get; }

    /// <summary>The arguments used to create the interceptor.</summary>
    public IReadOnlyList<object> Arguments => _args;

    /// <summary>The factory that creates the interceptor from DI plus <see cref="Arguments"/> (cached).</summary>
    internal ObjectFactory GetFactory()
    {
        return _factory ??= ActivatorUtilities.CreateFactory(Type, _args.Select(argument => argument.GetType()).ToArray());
    }
}
