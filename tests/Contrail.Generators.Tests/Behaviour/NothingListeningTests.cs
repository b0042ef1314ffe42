using System;
using System.Threading;
using System.Threading.Tasks;
using Acme.Shop.V1;
using Contrail.Generated;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Xunit;

namespace Contrail.Generators.Tests.Behaviour;

/// <summary>
/// When nothing listens, a traced call costs one check: the generated interceptor hands the call to the
/// handler and allocates nothing. In the telemetry collection, so no other test's listener is attached.
/// </summary>
[Collection(TelemetryCollection.Name)]
public sealed class NothingListeningTests
{
    private static readonly Task<Order> Completed = Task.FromResult(new Order { OrderId = "o-1" });

    [Fact]
    public void A_traced_call_allocates_nothing_when_nothing_listens()
    {
        Assert.False(ContrailServerTelemetry.IsEnabled());
        Interceptor interceptor = new ShopServiceContrailInterceptor();
        var request = new GetOrderRequest { OrderId = "o-1" };
        var context = new CallContext("/acme.shop.v1.Orders/GetOrder");
        UnaryServerMethod<GetOrderRequest, Order> handler = static (_, _) => Completed;

        // The first call JITs and fills the per-method caches.
        Assert.Same(Completed, interceptor.UnaryServerHandler(request, context, handler));
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1_000; i++)
        {
            interceptor.UnaryServerHandler(request, context, handler);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    /// <summary>What a server's context gives the interceptor; only the method is read when nothing listens.</summary>
    private sealed class CallContext(string method) : ServerCallContext
    {
        protected override string MethodCore => method;

        protected override string HostCore => "localhost:5001";

        protected override string PeerCore => "ipv4:127.0.0.1:50051";

        protected override DateTime DeadlineCore => DateTime.MaxValue;

        protected override Metadata RequestHeadersCore { get; } = new();

        protected override CancellationToken CancellationTokenCore => CancellationToken.None;

        protected override Metadata ResponseTrailersCore { get; } = new();

        protected override Status StatusCore { get; set; }

        protected override WriteOptions? WriteOptionsCore { get; set; }

        protected override AuthContext AuthContextCore { get; } = new(null, new());

        protected override ContextPropagationToken CreatePropagationTokenCore(ContextPropagationOptions? options) => throw new NotSupportedException();

        protected override Task WriteResponseHeadersAsyncCore(Metadata responseHeaders) => Task.CompletedTask;
    }
}
