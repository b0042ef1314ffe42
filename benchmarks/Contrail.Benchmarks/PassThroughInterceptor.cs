using System.Threading.Tasks;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace Contrail.Benchmarks;

/// <summary>
/// The least an interceptor can do: call the next handler. A control for the nothing-listening case,
/// separating what any interceptor costs (the generic virtual call through <see cref="Interceptor"/>)
/// from what Contrail's generated one adds to it.
/// </summary>
public sealed class PassThroughInterceptor : Interceptor
{
    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation) =>
        continuation(request, context);

    public override Task ServerStreamingServerHandler<TRequest, TResponse>(TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation) =>
        continuation(request, responseStream, context);
}
