using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Diagnostics.CodeAnalysis;
using Grpc.Core.Interceptors;

namespace Grpc.AspNetCore.Server;

/// <summary>The pipeline of interceptors invoked when processing a gRPC call, in order.</summary>
public class InterceptorCollection : Collection<InterceptorRegistration>
{
    /// <summary>Adds an interceptor to the end of the pipeline.</summary>
    /// <param name="args">Arguments passed to the interceptor constructor when an instance is created.</param>
    public void Add<[DynamicallyAccessedMembers(InterceptorRegistration.InterceptorAccessibility)] TInterceptor>(params object[] args)
        where TInterceptor : Interceptor
    {
        Add(typeof(TInterceptor), args);
    }

    /// <summary>Adds an interceptor to the end of the pipeline.</summary>
    /// <param name="args">Arguments passed to the interceptor constructor when an instance is created.</param>
    public void Add([DynamicallyAccessedMembers(InterceptorRegistration.InterceptorAccessibility)] Type interceptorType, params object[] args)
    {
        ArgumentNullException.ThrowIfNull(interceptorType);
        if (!interceptorType.IsSubclassOf(typeof(Interceptor)))
        {
            throw new ArgumentException($"Type must inherit from {typeof(Interceptor).FullName}.", nameof(interceptorType));
        }

        Add(new InterceptorRegistration(interceptorType, args));
    }

    /// <summary>Appends registrations to the end of the pipeline (internal upstream too).</summary>
    internal void AddRange(IEnumerable<InterceptorRegistration> registrations)
    {
        ArgumentNullException.ThrowIfNull(registrations);
        foreach (var registration in registrations)
        {
            Add(registration);
        }
    }
}
