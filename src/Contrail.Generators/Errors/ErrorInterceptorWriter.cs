using Contrail.Generators.Common;
using static Contrail.Generators.Errors.ErrorCatalogText;

namespace Contrail.Generators.Errors;

/// <summary>
/// The interceptor part of an error catalog: <c>{Catalog}Interceptor</c>, for services that are not
/// <c>[TracedService]</c>. Only the class and its catalog vary; the handlers are the runtime's
/// <c>GrpcErrorInterception</c>.
/// </summary>
internal static class ErrorInterceptorWriter
{
    private const string Interception = "global::Contrail.Generated.GrpcErrorInterception";
    private const string Task = "global::System.Threading.Tasks.Task";

    public static void Write(SourceWriter writer, string catalogName, string visibility)
    {
        writer.WriteLine("/// <summary>");
        writer.WriteLine($"/// Maps the exceptions of services that are not <c>[TracedService]</c> through <see cref=\"{catalogName}\"/>:");
        writer.WriteLine($"/// register it with <c>services.AddGrpc(options => options.Interceptors.Add&lt;{catalogName}Interceptor&gt;())</c>.");
        writer.WriteLine("/// Traced services map their exceptions without it.");
        writer.WriteLine("/// </summary>");
        writer.WriteLine(GeneratedCode.Attribute);
        writer.WriteLine($"{visibility} sealed class {catalogName}Interceptor : global::Grpc.Core.Interceptors.Interceptor");
        writer.OpenBrace();
        writer.WriteLine($"private static readonly global::System.Func<global::System.Exception, {RpcException}?> Map = {catalogName}.TryCreateRpcException;");
        writer.WriteLine();
        writer.WriteLine("/// <inheritdoc />");
        writer.WriteLine($"public override {Task}<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, global::Grpc.Core.ServerCallContext context, global::Grpc.Core.UnaryServerMethod<TRequest, TResponse> continuation) =>");
        writer.WriteLine($"    {Interception}.UnaryServerHandler(request, context, continuation, Map);");
        writer.WriteLine();
        writer.WriteLine("/// <inheritdoc />");
        writer.WriteLine($"public override {Task}<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(global::Grpc.Core.IAsyncStreamReader<TRequest> requestStream, global::Grpc.Core.ServerCallContext context, global::Grpc.Core.ClientStreamingServerMethod<TRequest, TResponse> continuation) =>");
        writer.WriteLine($"    {Interception}.ClientStreamingServerHandler(requestStream, context, continuation, Map);");
        writer.WriteLine();
        writer.WriteLine("/// <inheritdoc />");
        writer.WriteLine($"public override {Task} ServerStreamingServerHandler<TRequest, TResponse>(TRequest request, global::Grpc.Core.IServerStreamWriter<TResponse> responseStream, global::Grpc.Core.ServerCallContext context, global::Grpc.Core.ServerStreamingServerMethod<TRequest, TResponse> continuation) =>");
        writer.WriteLine($"    {Interception}.ServerStreamingServerHandler(request, responseStream, context, continuation, Map);");
        writer.WriteLine();
        writer.WriteLine("/// <inheritdoc />");
        writer.WriteLine($"public override {Task} DuplexStreamingServerHandler<TRequest, TResponse>(global::Grpc.Core.IAsyncStreamReader<TRequest> requestStream, global::Grpc.Core.IServerStreamWriter<TResponse> responseStream, global::Grpc.Core.ServerCallContext context, global::Grpc.Core.DuplexStreamingServerMethod<TRequest, TResponse> continuation) =>");
        writer.WriteLine($"    {Interception}.DuplexStreamingServerHandler(requestStream, responseStream, context, continuation, Map);");
        writer.CloseBrace();
    }
}
