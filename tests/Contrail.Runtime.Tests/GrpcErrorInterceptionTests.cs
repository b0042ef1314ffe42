using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Contrail.Generated;
using Grpc.Core;
using Xunit;

namespace Contrail.Runtime.Tests;

/// <summary>
/// The handlers of a catalog's interceptor, for each method kind: a mapped exception becomes the
/// catalog's status, an unmapped one and an <see cref="RpcException"/> pass through unchanged.
/// </summary>
public sealed class GrpcErrorInterceptionTests
{
    private static readonly RpcException Mapped = GrpcStatusDetails.CreateException(
        StatusCode.NotFound, "Order o-1 was not found.", "ORDER_NOT_FOUND", "shop.acme.example", Array.Empty<KeyValuePair<string, string>>());

    /// <summary>How often the catalog's mapping was asked; xunit makes one instance per test.</summary>
    private int _mapCalls;

    public static TheoryData<string> Kinds => new() { "unary", "client-streaming", "server-streaming", "duplex" };

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task A_mapped_exception_becomes_the_catalogs_status(string kind)
    {
        var thrown = await Assert.ThrowsAsync<RpcException>(() => Call(kind, new KeyNotFoundException("o-1")));

        Assert.Same(Mapped, thrown);
        Assert.Equal(1, _mapCalls);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task An_unmapped_exception_is_rethrown_with_its_stack_trace(string kind)
    {
        var thrown = await Assert.ThrowsAsync<InvalidOperationException>(() => Call(kind, new InvalidOperationException("boom")));

        Assert.Equal("boom", thrown.Message);
        Assert.Contains(nameof(Fail), thrown.StackTrace, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task An_RpcException_is_not_mapped_again(string kind)
    {
        var own = new RpcException(new Status(StatusCode.PermissionDenied, "no"));

        var thrown = await Assert.ThrowsAsync<RpcException>(() => Call(kind, own));

        Assert.Same(own, thrown);
        Assert.Equal(0, _mapCalls);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task A_call_that_succeeds_is_untouched(string kind)
    {
        await Call(kind, failure: null);

        Assert.Equal(0, _mapCalls);
    }

    private RpcException? Map(Exception exception)
    {
        _mapCalls++;
        return exception is KeyNotFoundException ? Mapped : null;
    }

    private async Task Call(string kind, Exception? failure)
    {
        var context = new TestCallContext();
        switch (kind)
        {
            case "unary":
                Assert.Equal("ok", await GrpcErrorInterception.UnaryServerHandler<string, string>("request", context, (_, _) => Respond(failure), Map));
                break;
            case "client-streaming":
                Assert.Equal("ok", await GrpcErrorInterception.ClientStreamingServerHandler<string, string>(null!, context, (_, _) => Respond(failure), Map));
                break;
            case "server-streaming":
                await GrpcErrorInterception.ServerStreamingServerHandler<string, string>("request", null!, context, async (_, _, _) => await Respond(failure), Map);
                break;
            default:
                await GrpcErrorInterception.DuplexStreamingServerHandler<string, string>(null!, null!, context, async (_, _, _) => await Respond(failure), Map);
                break;
        }
    }

    private static async Task<string> Respond(Exception? failure)
    {
        await Task.Yield();
        if (failure is not null)
        {
            Fail(failure);
        }

        return "ok";
    }

    private static void Fail(Exception failure) => throw failure;
}
