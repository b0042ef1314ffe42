using System;
using System.Collections.Generic;

namespace Grpc.Core;

/// <summary>The set of methods of a service, with their handlers, ready to be bound to a server.</summary>
public class ServerServiceDefinition
{
    private readonly IReadOnlyList<Action<ServiceBinderBase>> _bindActions;

    internal ServerServiceDefinition(List<Action<ServiceBinderBase>> bindActions)
    {
        _bindActions = bindActions.AsReadOnly();
    }

    /// <summary>Registers every method with the binder, in the order they were added.</summary>
    public void BindService(ServiceBinderBase serviceBinder)
    {
        foreach (var bind in _bindActions)
        {
            bind(serviceBinder);
        }
    }

    public static Builder CreateBuilder()
    {
        return new Builder();
    }

    /// <summary>Builder for <see cref="ServerServiceDefinition"/>; adding the same method name twice throws.</summary>
    public class Builder
    {
        private readonly HashSet<string> _names = new HashSet<string>(StringComparer.Ordinal);
        private readonly List<Action<ServiceBinderBase>> _bindActions = new List<Action<ServiceBinderBase>>();

        public Builder()
        {
        }

        public Builder AddMethod<TRequest, TResponse>(
            Method<TRequest, TResponse> method,
            UnaryServerMethod<TRequest, TResponse> handler)
            where TRequest : class
            where TResponse : class
        {
            Register(method, binder => binder.AddMethod(method, handler));
            return this;
        }

        public Builder AddMethod<TRequest, TResponse>(
            Method<TRequest, TResponse> method,
            ClientStreamingServerMethod<TRequest, TResponse> handler)
            where TRequest : class
            where TResponse : class
        {
            Register(method, binder => binder.AddMethod(method, handler));
            return this;
        }

        public Builder AddMethod<TRequest, TResponse>(
            Method<TRequest, TResponse> method,
            ServerStreamingServerMethod<TRequest, TResponse> handler)
            where TRequest : class
            where TResponse : class
        {
            Register(method, binder => binder.AddMethod(method, handler));
            return this;
        }

        public Builder AddMethod<TRequest, TResponse>(
            Method<TRequest, TResponse> method,
            DuplexStreamingServerMethod<TRequest, TResponse> handler)
            where TRequest : class
            where TResponse : class
        {
            Register(method, binder => binder.AddMethod(method, handler));
            return this;
        }

        public ServerServiceDefinition Build()
        {
            return new ServerServiceDefinition(new List<Action<ServiceBinderBase>>(_bindActions));
        }

        private void Register(IMethod method, Action<ServiceBinderBase> bind)
        {
            // Upstream detects duplicates with Dictionary.Add, so a duplicate throws ArgumentException.
            if (!_names.Add(method.FullName))
            {
                throw new ArgumentException($"An item with the same key has already been added. Key: {method.FullName}");
            }

            _bindActions.Add(bind);
        }
    }
}
