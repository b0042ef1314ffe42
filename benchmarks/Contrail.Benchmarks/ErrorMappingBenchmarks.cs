using System;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using GrpcStatus = Grpc.Core.Status;
using RpcStatus = Google.Rpc.Status;

namespace Contrail.Benchmarks;

/// <summary>
/// The per-call cost of an error with a <c>google.rpc.ErrorInfo</c>, on both sides of the wire. Server: turning
/// a caught exception into the <see cref="RpcException"/> gRPC sends (status, message and a
/// <c>grpc-status-details-bin</c> trailer), by hand with Google.Protobuf and Google.Api.CommonProtos against
/// Contrail's generated mapping. Client: reading the ErrorInfo back from that trailer.
/// </summary>
[MemoryDiagnoser]
[CategoriesColumn]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
public class ErrorMappingBenchmarks
{
    public const string ServerCategory = "Server";
    public const string ClientCategory = "Client";

    private const string TrailerKey = "grpc-status-details-bin";
    private const string Reason = "ORDER_NOT_FOUND";
    private const string Domain = "bench.acme.example";
    private const string OrderId = "o-1234";

    // The exception a handler threw, created once: throwing and catching it is not measured.
    private readonly OrderNotFoundException _exception = new OrderNotFoundException(OrderId);

    // The same exception as a catch block or an interceptor holds it.
    private readonly Exception _caught;

    // What the client receives; the trailer bytes are the same whichever server side built them (checked in Setup).
    private RpcException _received = null!;

    public ErrorMappingBenchmarks()
    {
        _caught = _exception;
    }

    /// <summary>What a careful engineer writes today, with Google.Protobuf and Google.Api.CommonProtos.</summary>
    [Benchmark(Baseline = true, Description = "by hand: Google.Rpc.Status + Any.Pack(ErrorInfo)")]
    [BenchmarkCategory(ServerCategory)]
    public RpcException CreateByHand()
    {
        var orderId = _exception.OrderId;
        var message = $"Order {orderId} does not exist.";
        var status = new RpcStatus
        {
            Code = (int)StatusCode.NotFound,
            Message = message,
            Details =
            {
                Any.Pack(new ErrorInfo { Reason = Reason, Domain = Domain, Metadata = { { "orderId", orderId } } }),
            },
        };
        var trailers = new Metadata { { TrailerKey, status.ToByteArray() } };
        return new RpcException(new GrpcStatus(StatusCode.NotFound, message), trailers);
    }

    [Benchmark(Description = "Contrail: exception.ToRpcException()")]
    [BenchmarkCategory(ServerCategory)]
    public RpcException CreateWithContrail() => _exception.ToRpcException();

    [Benchmark(Description = "Contrail: BenchErrors.TryCreateRpcException(Exception)")]
    [BenchmarkCategory(ServerCategory)]
    public RpcException? CreateFromException() => BenchErrors.TryCreateRpcException(_caught);

    /// <summary>The client's hand-written check: is it ORDER_NOT_FOUND of our domain, and for which order.</summary>
    [Benchmark(Baseline = true, Description = "by hand: Status.Parser.ParseFrom + Unpack<ErrorInfo>")]
    [BenchmarkCategory(ClientCategory)]
    public string? ReadByHand()
    {
        var bytes = _received.Trailers.GetValueBytes(TrailerKey);
        if (bytes is null)
        {
            return null;
        }

        foreach (var detail in RpcStatus.Parser.ParseFrom(bytes).Details)
        {
            if (detail.Is(ErrorInfo.Descriptor))
            {
                var info = detail.Unpack<ErrorInfo>();
                return info.Reason == Reason && info.Domain == Domain && info.Metadata.TryGetValue("orderId", out var orderId) ? orderId : null;
            }
        }

        return null;
    }

    [Benchmark(Description = "Contrail: BenchErrors.TryGetErrorInfo")]
    [BenchmarkCategory(ClientCategory)]
    public string? ReadWithContrail() =>
        BenchErrors.TryGetErrorInfo(_received, out var reason, out var domain, out var metadata)
        && reason == Reason && domain == Domain && metadata.TryGetValue("orderId", out var orderId)
            ? orderId
            : null;

    /// <summary>Checks that every server benchmark builds the same error and both client benchmarks read it.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var byHand = CreateByHand();
        var contrail = CreateWithContrail();
        var fromException = CreateFromException() ?? throw new InvalidOperationException("TryCreateRpcException did not map the exception.");
        var expectedBytes = byHand.Trailers.GetValueBytes(TrailerKey) ?? throw new InvalidOperationException("The hand-written error has no trailer.");
        foreach (var built in new[] { contrail, fromException })
        {
            if (built.StatusCode != byHand.StatusCode || built.Status.Detail != byHand.Status.Detail)
            {
                throw new InvalidOperationException($"Contrail sent {built.Status}, not {byHand.Status}.");
            }

            if (built.Trailers.GetValueBytes(TrailerKey) is not { } bytes || !bytes.AsSpan().SequenceEqual(expectedBytes))
            {
                throw new InvalidOperationException("Contrail's grpc-status-details-bin trailer differs from the hand-written one.");
            }
        }

        _received = contrail;
        if (ReadByHand() != OrderId || ReadWithContrail() != OrderId)
        {
            throw new InvalidOperationException("A client benchmark did not read the error back.");
        }
    }
}
