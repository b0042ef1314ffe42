using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Acme.Shop.V1;
using Grpc.AspNetCore.Server;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Contrail.Generators.Tests.Behaviour;

/// <summary>
/// The real ASP.NET Core gRPC pipeline in memory: a <see cref="WebApplication"/> on
/// <see cref="TestServer"/> with <c>AddGrpc().AddContrail()</c> and the mapped services, and a real
/// <see cref="GrpcChannel"/> whose handler carries the caller's span as a <c>traceparent</c> header
/// (the TestServer handler, unlike SocketsHttpHandler, propagates nothing itself).
/// </summary>
internal sealed class GrpcTestHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private GrpcTestHost(WebApplication app, TestServer server)
    {
        _app = app;
        Server = server;
        Channel = GrpcChannel.ForAddress(server.BaseAddress, new GrpcChannelOptions
        {
            HttpHandler = new TraceParentHandler(server.CreateHandler(), PropagatedSpans),
        });
        Client = new Orders.OrdersClient(Channel);
    }

    public TestServer Server { get; }

    /// <summary>The client-side spans whose context went out as <c>traceparent</c>, one per call:
    /// Grpc.Net.Client's own call activity, a child of the caller's span.</summary>
    public ConcurrentQueue<Activity> PropagatedSpans { get; } = new();

    public GrpcChannel Channel { get; }

    public Orders.OrdersClient Client { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>Hosts <typeparamref name="TService"/> with <c>AddGrpc().AddContrail()</c>.</summary>
    public static Task<GrpcTestHost> StartAsync<TService>(Action<IServiceCollection>? configureServices = null, Action<IApplicationBuilder>? configureApp = null)
        where TService : class =>
        StartAsync(
            services =>
            {
                services.AddGrpc().AddContrail();
                configureServices?.Invoke(services);
            },
            endpoints => endpoints.MapGrpcService<TService>(),
            configureApp);

    /// <summary>Hosts whatever <paramref name="configureServices"/> registers and <paramref name="map"/> maps.</summary>
    public static async Task<GrpcTestHost> StartAsync(Action<IServiceCollection> configureServices, Action<IEndpointRouteBuilder> map, Action<IApplicationBuilder>? configureApp = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseTestServer();
        configureServices(builder.Services);
        var app = builder.Build();
        configureApp?.Invoke(app);
        map(app);
        await app.StartAsync();
        return new GrpcTestHost(app, app.GetTestServer());
    }

    /// <summary>The server records a call's telemetry as the call ends, which can be just after the client
    /// has its result (or, for a cancelled or aborted call, some time after): wait for it.</summary>
    public static async Task<IReadOnlyList<T>> WaitForAsync<T>(IEnumerable<T> items, int count, TimeSpan? timeout = null)
    {
        var until = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (items.Count() < count && DateTime.UtcNow < until)
        {
            await Task.Delay(10);
        }

        // A little longer, so a duplicate would show.
        await Task.Delay(50);
        return items.ToList();
    }

    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private sealed class TraceParentHandler(HttpMessageHandler inner, ConcurrentQueue<Activity> propagated) : DelegatingHandler(inner)
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (Activity.Current is { } current && !request.Headers.Contains("traceparent"))
            {
                propagated.Enqueue(current);
                DistributedContextPropagator.Current.Inject(current, request, static (carrier, key, value) =>
                {
                    if (carrier is HttpRequestMessage message && key is not null)
                    {
                        message.Headers.TryAddWithoutValidation(key, value);
                    }
                });
            }

            return base.SendAsync(request, cancellationToken);
        }
    }
}
