using System;

namespace Grpc.Core;

/// <summary>
/// Lets generated code register service methods with a server implementation without depending on it.
/// Server implementations override the AddMethod overloads they support.
/// </summary>
public class ServiceBinderBase
{
    public virtual void AddMethod<TRequest, TResponse>(
        Method<TRequest, TResponse> method,
        UnaryServerMethod<TRequest, TResponse>? handler)
        where TRequest : class
        where TResponse : class
    {
        throw new NotImplementedException();
    }

    public virtual void AddMethod<TRequest, TResponse>(
        Method<TRequest, TResponse> method,
        ClientStreamingServerMethod<TRequest, TResponse>? handler)
        where TRequest : class
        where TResponse : class
    {
        throw new NotImplementedException();
    }

    public virtual void AddMethod<TRequest, TResponse>(
        Method<TRequest, TResponse> method,
        ServerStreamingServerMethod<TRequest, TResponse>? handler)
        where TRequest : class
        where TResponse : class
    {
        throw new NotImplementedException();
    }

    public virtual void AddMethod<TRequest, TResponse>(
        Method<TRequest, TResponse> method,
        DuplexStreamingServerMethod<TRequest, TResponse>? handler)
        where TRequest : class
        where TResponse : class
    {
        throw new NotImplementedException();
    }
}
