using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Grpc.AspNetCore.Server;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Contrail.Testing.Grpc;

/// <summary>
/// Runs server handler delegates through a server interceptor pipeline in-process, the way
/// Grpc.AspNetCore.Server does, and reports the status the client would receive.
/// <list type="bullet">
/// <item>The first interceptor is the outermost: it runs first and its continuation runs the next one;
/// the handler is innermost.</item>
/// <item>Interceptors given as <see cref="InterceptorRegistration"/>s are activated per call when the
/// pipeline reaches them, and released (disposed if created) when they return, through
/// <see cref="InterceptorActivation"/>.</item>
/// <item>An exception escaping the pipeline becomes the status as upstream's
/// HttpContextServerCallContext.ProcessHandlerError computes it: an <see cref="RpcException"/> gives
/// its status and its trailers are merged into <see cref="ServerCallContext.ResponseTrailers"/>; any
/// other exception gives Unknown "Exception was thrown by handler." (plus " Type: message" of the
/// exception chain when <see cref="EnableDetailedErrors"/>). Upstream records Unknown on the server even
/// for an <see cref="OperationCanceledException"/>/<see cref="IOException"/> after the call was cancelled,
/// but the client then sees its own Cancelled status, which is what <see cref="GrpcCallResult{T}.Status"/>
/// reports.</item>
/// <item>A unary or client streaming handler returning null fails the call with Cancelled
/// "No message returned from method.", as upstream.</item>
/// </list>
/// Each call runs in a new DI scope (like an ASP.NET Core request); a <see cref="TestServerCallContext"/>
/// without an HttpContext gets a <see cref="DefaultHttpContext"/> whose RequestServices is that scope for
/// the duration of the call.
/// </summary>
public sealed class GrpcServerInvoker
{
    internal const string HandlerErrorMessage = "Exception was thrown by handler.";
    internal const string ClientCanceledMessage = "Call canceled by the client.";
    internal const string NoMessageReturnedMessage = "No message returned from method.";

    private readonly IServiceProvider _serviceProvider;
    private readonly IReadOnlyList<Stage> _stages;

    /// <summary>Creates an invoker that runs the given interceptor instances (first = outermost).</summary>
    public GrpcServerInvoker(IServiceProvider serviceProvider, IEnumerable<Interceptor> interceptors)
    {
        ArgumentNullException.ThrowIfNull(serviceProvider);
        ArgumentNullException.ThrowIfNull(interceptors);
        _serviceProvider = serviceProvider;
        _stages = interceptors.Select(interceptor => new Stage(interceptor ?? throw new ArgumentException("Interceptor list contains null.", nameof(interceptors)), null)).ToList();
    }

    /// <summary>Creates an invoker that activates the registered interceptors per call (first = outermost).</summary>
    public GrpcServerInvoker(IServiceProvider serviceProvider, IEnumerable<InterceptorRegistration> registrations)
    {
        ArgumentNullException.ThrowIfNull(serviceProvider);
        ArgumentNullException.ThrowIfNull(registrations);
        _serviceProvider = serviceProvider;
        _stages = registrations.Select(registration => new Stage(null, registration ?? throw new ArgumentException("Registration list contains null.", nameof(registrations)))).ToList();
    }

    /// <summary>
    /// Creates an invoker configured like the server pipeline of <typeparamref name="TService"/>: the global
    /// interceptors then the service's (from <c>AddGrpc</c>/<c>AddServiceOptions</c>), and the effective
    /// EnableDetailedErrors.
    /// </summary>
    public static GrpcServerInvoker ForService<TService>(IServiceProvider serviceProvider)
        where TService : class
    {
        return new GrpcServerInvoker(serviceProvider, InterceptorActivation.GetRegistrations<TService>(serviceProvider))
        {
            EnableDetailedErrors = InterceptorActivation.GetEnableDetailedErrors<TService>(serviceProvider),
        };
    }

    /// <summary>Whether the status detail includes the exception's type and message (GrpcServiceOptions.EnableDetailedErrors).</summary>
    public bool EnableDetailedErrors { get; init; }

    public Task<GrpcCallResult<TResponse>> UnaryAsync<TRequest, TResponse>(
        UnaryServerMethod<TRequest, TResponse> handler, TRequest request, ServerCallContext? context = null)
        where TRequest : class
        where TResponse : class
    {
        ArgumentNullException.ThrowIfNull(handler);
        return RunAsync<TResponse>(context, async (services, ctx) =>
        {
            UnaryServerMethod<TRequest, TResponse> pipeline = handler;
            for (var i = _stages.Count - 1; i >= 0; i--)
            {
                var stage = _stages[i];
                var next = pipeline;
                pipeline = (req, c) => stage.RunAsync(services, interceptor => interceptor.UnaryServerHandler(req, c, next));
            }

            return await pipeline(request, ctx).ConfigureAwait(false) ?? throw NoMessageReturned();
        });
    }

    public Task<GrpcCallResult<TResponse>> ClientStreamingAsync<TRequest, TResponse>(
        ClientStreamingServerMethod<TRequest, TResponse> handler, IAsyncStreamReader<TRequest> requestStream, ServerCallContext? context = null)
        where TRequest : class
        where TResponse : class
    {
        ArgumentNullException.ThrowIfNull(handler);
        ArgumentNullException.ThrowIfNull(requestStream);
        return RunAsync<TResponse>(context, async (services, ctx) =>
        {
            ClientStreamingServerMethod<TRequest, TResponse> pipeline = handler;
            for (var i = _stages.Count - 1; i >= 0; i--)
            {
                var stage = _stages[i];
                var next = pipeline;
                pipeline = (stream, c) => stage.RunAsync(services, interceptor => interceptor.ClientStreamingServerHandler(stream, c, next));
            }

            return await pipeline(requestStream, ctx).ConfigureAwait(false) ?? throw NoMessageReturned();
        });
    }

    public Task<GrpcCallResult<TResponse>> ServerStreamingAsync<TRequest, TResponse>(
        ServerStreamingServerMethod<TRequest, TResponse> handler, TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext? context = null)
        where TRequest : class
        where TResponse : class
    {
        ArgumentNullException.ThrowIfNull(handler);
        ArgumentNullException.ThrowIfNull(responseStream);
        return RunAsync<TResponse>(context, async (services, ctx) =>
        {
            try
            {
                ServerStreamingServerMethod<TRequest, TResponse> pipeline = handler;
                for (var i = _stages.Count - 1; i >= 0; i--)
                {
                    var stage = _stages[i];
                    var next = pipeline;
                    pipeline = (req, stream, c) => stage.RunAsync(services, interceptor => interceptor.ServerStreamingServerHandler(req, stream, c, next));
                }

                await pipeline(request, responseStream, ctx).ConfigureAwait(false);
                return null;
            }
            finally
            {
                (responseStream as TestServerStreamWriter<TResponse>)?.Complete();
            }
        });
    }

    public Task<GrpcCallResult<TResponse>> DuplexStreamingAsync<TRequest, TResponse>(
        DuplexStreamingServerMethod<TRequest, TResponse> handler, IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext? context = null)
        where TRequest : class
        where TResponse : class
    {
        ArgumentNullException.ThrowIfNull(handler);
        ArgumentNullException.ThrowIfNull(requestStream);
        ArgumentNullException.ThrowIfNull(responseStream);
        return RunAsync<TResponse>(context, async (services, ctx) =>
        {
            try
            {
                DuplexStreamingServerMethod<TRequest, TResponse> pipeline = handler;
                for (var i = _stages.Count - 1; i >= 0; i--)
                {
                    var stage = _stages[i];
                    var next = pipeline;
                    pipeline = (reqStream, respStream, c) => stage.RunAsync(services, interceptor => interceptor.DuplexStreamingServerHandler(reqStream, respStream, c, next));
                }

                await pipeline(requestStream, responseStream, ctx).ConfigureAwait(false);
                return null;
            }
            finally
            {
                (responseStream as TestServerStreamWriter<TResponse>)?.Complete();
            }
        });
    }

    /// <summary>
    /// Builds the status detail for a non-RpcException the way upstream's ErrorMessageHelper does.
    /// </summary>
    public static string BuildErrorDetail(Exception exception, bool enableDetailedErrors)
    {
        ArgumentNullException.ThrowIfNull(exception);
        if (!enableDetailedErrors)
        {
            return HandlerErrorMessage;
        }

        var detail = new StringBuilder(HandlerErrorMessage);
        for (var current = exception; current is not null; current = current.InnerException)
        {
            detail.Append(' ').Append(current.GetType().Name).Append(": ").Append(current.Message);
        }

        return detail.ToString();
    }

    private static RpcException NoMessageReturned() => new RpcException(new Status(StatusCode.Cancelled, NoMessageReturnedMessage));

    private async Task<GrpcCallResult<TResponse>> RunAsync<TResponse>(
        ServerCallContext? context,
        Func<IServiceProvider, ServerCallContext, Task<TResponse?>> call)
        where TResponse : class
    {
        context ??= new TestServerCallContext();
        await using var scope = _serviceProvider.CreateAsyncScope();

        var testContext = context as TestServerCallContext;
        var assignedHttpContext = false;
        if (testContext is not null && testContext.HttpContext is null)
        {
            testContext.HttpContext = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
            assignedHttpContext = true;
        }

        var services = (context.UserState.TryGetValue(ServerCallContextExtensions.HttpContextKey, out var value) ? (value as HttpContext)?.RequestServices : null)
            ?? scope.ServiceProvider;

        try
        {
            TResponse? response;
            try
            {
                response = await call(services, context).ConfigureAwait(false);
            }
            catch (Exception exception)
            {
                return Fail<TResponse>(context, exception);
            }

            var status = context.Status;
            var clientStatus = new Status(status.StatusCode, status.Detail ?? "");
            return new GrpcCallResult<TResponse>(context, clientStatus, Copy(context.ResponseTrailers), clientStatus.StatusCode == StatusCode.OK ? response : null, null);
        }
        finally
        {
            if (assignedHttpContext)
            {
                testContext!.HttpContext = null;
            }
        }
    }

    private GrpcCallResult<TResponse> Fail<TResponse>(ServerCallContext context, Exception exception)
        where TResponse : class
    {
        if (exception is RpcException rpcException)
        {
            foreach (var entry in rpcException.Trailers)
            {
                context.ResponseTrailers.Add(entry);
            }

            context.Status = rpcException.Status;
            var status = new Status(rpcException.StatusCode, rpcException.Status.Detail ?? "");
            return new GrpcCallResult<TResponse>(context, status, Copy(context.ResponseTrailers), null, exception);
        }

        var detail = BuildErrorDetail(exception, EnableDetailedErrors);
        context.Status = new Status(StatusCode.Unknown, detail, exception);

        if (exception is OperationCanceledException or IOException && context.CancellationToken.IsCancellationRequested)
        {
            // The client cancelled: it reports its own Cancelled status and receives no trailers.
            return new GrpcCallResult<TResponse>(context, new Status(StatusCode.Cancelled, ClientCanceledMessage), new Metadata(), null, exception);
        }

        return new GrpcCallResult<TResponse>(context, new Status(StatusCode.Unknown, detail), Copy(context.ResponseTrailers), null, exception);
    }

    private static Metadata Copy(Metadata metadata)
    {
        var copy = new Metadata();
        foreach (var entry in metadata)
        {
            copy.Add(entry);
        }

        return copy;
    }

    /// <summary>One interceptor of the pipeline: a fixed instance, or a registration activated per call.</summary>
    private sealed class Stage
    {
        private readonly Interceptor? _instance;
        private readonly InterceptorRegistration? _registration;

        public Stage(Interceptor? instance, InterceptorRegistration? registration)
        {
            _instance = instance;
            _registration = registration;
        }

        public async Task<T> RunAsync<T>(IServiceProvider services, Func<Interceptor, Task<T>> invoke)
        {
            if (_instance is not null)
            {
                return await invoke(_instance).ConfigureAwait(false);
            }

            var handle = InterceptorActivation.Create(services, _registration!);
            try
            {
                return await invoke(handle.Instance).ConfigureAwait(false);
            }
            finally
            {
                await InterceptorActivation.ReleaseAsync(services, _registration!, handle).ConfigureAwait(false);
            }
        }

        public Task RunAsync(IServiceProvider services, Func<Interceptor, Task> invoke)
        {
            return RunAsync(services, async interceptor =>
            {
                await invoke(interceptor).ConfigureAwait(false);
                return true;
            });
        }
    }
}
