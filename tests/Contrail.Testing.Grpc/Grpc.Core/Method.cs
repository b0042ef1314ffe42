using Contrail.Testing.Grpc.Internal;

namespace Grpc.Core;

/// <summary>Method types supported by gRPC.</summary>
public enum MethodType
{
    Unary,
    ClientStreaming,
    ServerStreaming,
    DuplexStreaming,
}

/// <summary>A non-generic view of a method description.</summary>
public interface IMethod
{
    MethodType Type { get; }

    string ServiceName { get; }

    string Name { get; }

    /// <summary>The fully qualified name, "/package.Service/Method".</summary>
    string FullName { get; }
}

/// <summary>A description of a remote method.</summary>
public class Method<TRequest, TResponse> : IMethod
{
    public Method(MethodType type, string serviceName, string name, Marshaller<TRequest> requestMarshaller, Marshaller<TResponse> responseMarshaller)
    {
        Type = type;
        ServiceName = Guard.NotNull(serviceName, nameof(serviceName));
        Name = Guard.NotNull(name, nameof(name));
        RequestMarshaller = Guard.NotNull(requestMarshaller, nameof(requestMarshaller));
        ResponseMarshaller = Guard.NotNull(responseMarshaller, nameof(responseMarshaller));
        FullName = "/" + serviceName + "/" + name;
    }

    public MethodType Type { get; }

    public string ServiceName { get; }

    public string Name { get; }

    public Marshaller<TRequest> RequestMarshaller { get; }

    public Marshaller<TResponse> ResponseMarshaller { get; }

    public string FullName { get; }
}
