using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Acme.Shop.V1;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Contrail.Generators.Tests.Behaviour;

/// <summary>
/// A traced service on real Kestrel: HTTP/2 cleartext (h2c, prior knowledge) on 127.0.0.1 and a port
/// the operating system picks, with <c>AddGrpc().AddContrail()</c>. Unlike TestServer, calls cross
/// real sockets, HTTP/2 frames and stream resets.
/// </summary>
internal sealed class KestrelLoopbackHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private KestrelLoopbackHost(WebApplication app, int port)
    {
        _app = app;
        Port = port;
        BaseAddress = new Uri($"http://127.0.0.1:{port}");
    }

    /// <summary>Gets the calls that reached the service pipeline, counted by an interceptor outside Contrail's.</summary>
    public CallWitness Witness => _app.Services.GetRequiredService<CallWitness>();

    /// <summary>Gets the port Kestrel bound, read from <see cref="IServerAddressesFeature"/>.</summary>
    public int Port { get; }

    /// <summary>Gets <c>http://127.0.0.1:{port}</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>Hosts <typeparamref name="TService"/> and waits until Kestrel listens.</summary>
    /// <param name="maxStreamsPerConnection">Kestrel's HTTP/2 stream limit (100 by default). Its rapid-reset
    /// guard refuses new streams with ENHANCE_YOUR_CALM, before the app sees them, once a connection holds more
    /// than twice this many streams the client reset but the server has not finished.</param>
    public static async Task<KestrelLoopbackHost> StartAsync<TService>(int? maxStreamsPerConnection = null)
        where TService : class
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            if (maxStreamsPerConnection is { } limit)
            {
                kestrel.Limits.Http2.MaxStreamsPerConnection = limit;
            }

            kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2);
        });
        // Global interceptors run before the ones AddContrail registers: the witness sees every call Contrail could trace.
        builder.Services.AddSingleton<CallWitness>();
        builder.Services.AddGrpc(options => options.Interceptors.Add<CallWitness>()).AddContrail();
        var app = builder.Build();
        app.MapGrpcService<TService>();
        await app.StartAsync();

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new KestrelLoopbackHost(app, new Uri(address).Port);
    }

    /// <summary>Opens a client with its own channel (and so its own HTTP/2 connection).</summary>
    public LoopbackClient CreateClient() => new(BaseAddress);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>
/// A real <see cref="GrpcChannel"/> over <see cref="SocketsHttpHandler"/>, which adds the
/// <c>traceparent</c> header itself. A handler in front of it records what the caller had as
/// <see cref="Activity.Current"/> and checks nothing propagated before SocketsHttpHandler; the
/// connect callback records the local end of each connection, the server's peer.
/// </summary>
internal sealed class LoopbackClient : IDisposable
{
    public LoopbackClient(Uri address)
    {
        var sockets = new SocketsHttpHandler
        {
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                    LocalPorts.Enqueue(((IPEndPoint)socket.LocalEndPoint!).Port);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        Channel = GrpcChannel.ForAddress(address, new GrpcChannelOptions
        {
            HttpHandler = new CallerContextRecorder(sockets, this),
            DisposeHttpClient = true,
        });
        Client = new Orders.OrdersClient(Channel);
    }

    /// <summary>Gets the channel.</summary>
    public GrpcChannel Channel { get; }

    /// <summary>Gets the generated client on <see cref="Channel"/>.</summary>
    public Orders.OrdersClient Client { get; }

    /// <summary>Gets, per call made with a current span, <see cref="Activity.Current"/> as the request
    /// entered the HTTP handler (Grpc.Net.Client's call activity, a child of the caller's span).</summary>
    public ConcurrentQueue<Activity> CallerSpans { get; } = new();

    /// <summary>Gets the local ports of the connections this client opened.</summary>
    public ConcurrentQueue<int> LocalPorts { get; } = new();

    /// <summary>Gets how many requests already carried <c>traceparent</c> before SocketsHttpHandler saw them.</summary>
    public int TraceParentsBeforeSocketsHttpHandler => _traceParentsBeforeSocketsHttpHandler;

    private int _traceParentsBeforeSocketsHttpHandler;

    /// <inheritdoc />
    public void Dispose() => Channel.Dispose();

    private sealed class CallerContextRecorder(HttpMessageHandler inner, LoopbackClient owner) : DelegatingHandler(inner)
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.Headers.Contains("traceparent"))
            {
                Interlocked.Increment(ref owner._traceParentsBeforeSocketsHttpHandler);
            }

            if (Activity.Current is { } current)
            {
                owner.CallerSpans.Enqueue(current);
            }

            return base.SendAsync(request, cancellationToken);
        }
    }
}

/// <summary>
/// Counts the calls that reached the gRPC service pipeline, by the outcome they asked for: a call can end
/// before that (its deadline passed, or its caller cancelled, before the server saw the request), and such
/// a call rightly has no server span.
/// </summary>
internal sealed class CallWitness : Grpc.Core.Interceptors.Interceptor
{
    private readonly ConcurrentDictionary<string, long> _calls = new(StringComparer.Ordinal);

    /// <summary>Gets the calls seen, by the outcome header's value.</summary>
    public IReadOnlyDictionary<string, long> Calls => _calls;

    /// <summary>Gets the calls seen in all.</summary>
    public long Total => _calls.Values.Sum();

    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, Grpc.Core.ServerCallContext context, Grpc.Core.UnaryServerMethod<TRequest, TResponse> continuation)
    {
        Count(context);
        return continuation(request, context);
    }

    public override Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(Grpc.Core.IAsyncStreamReader<TRequest> requestStream, Grpc.Core.ServerCallContext context, Grpc.Core.ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Count(context);
        return continuation(requestStream, context);
    }

    public override Task ServerStreamingServerHandler<TRequest, TResponse>(TRequest request, Grpc.Core.IServerStreamWriter<TResponse> responseStream, Grpc.Core.ServerCallContext context, Grpc.Core.ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Count(context);
        return continuation(request, responseStream, context);
    }

    public override Task DuplexStreamingServerHandler<TRequest, TResponse>(Grpc.Core.IAsyncStreamReader<TRequest> requestStream, Grpc.Core.IServerStreamWriter<TResponse> responseStream, Grpc.Core.ServerCallContext context, Grpc.Core.DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Count(context);
        return continuation(requestStream, responseStream, context);
    }

    private void Count(Grpc.Core.ServerCallContext context) =>
        _calls.AddOrUpdate(context.RequestHeaders.GetValue(LoopbackShopService.OutcomeHeader) ?? nameof(LoopbackOutcome.Ok), 1, static (_, count) => count + 1);
}
