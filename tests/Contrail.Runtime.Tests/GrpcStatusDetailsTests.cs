using System;
using System.Collections.Generic;
using System.Linq;
using Contrail.Generated;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Xunit;
using RpcStatus = Google.Rpc.Status;

namespace Contrail.Runtime.Tests;

/// <summary>
/// The hand-written <c>grpc-status-details-bin</c> codec against Google.Protobuf's own encoder and decoder
/// (google.rpc.Status and ErrorInfo from Google.Api.CommonProtos, and Grpc.StatusProto's reader).
/// </summary>
public sealed class GrpcStatusDetailsTests
{
    public static TheoryData<string, string, string, string[]> Errors => new()
    {
        { "Order o-1 was not found.", "ORDER_NOT_FOUND", "shop.acme.example", new[] { "orderId", "o-1" } },
        { "", "R", "d", Array.Empty<string>() },
        { "Ünïcode — 注文 ✓", "UNICODE_REASON", "ドメイン.example", new[] { "ключ", "значение 🎉", "empty", "" } },
        // Lengths past one varint byte (128+), and many entries.
        { new string('m', 300), new string('R', 200), "d.example", Enumerable.Range(0, 50).SelectMany(i => new[] { "key" + i, new string('v', i * 7) }).ToArray() },
    };

    [Theory]
    [MemberData(nameof(Errors))]
    public void Encoded_bytes_are_what_Google_Protobuf_reads(string message, string reason, string domain, string[] pairs)
    {
        var metadata = Pairs(pairs);

        var bytes = GrpcStatusDetails.Encode((int)StatusCode.NotFound, message, reason, domain, metadata);

        var status = RpcStatus.Parser.ParseFrom(bytes);
        Assert.Equal((int)StatusCode.NotFound, status.Code);
        Assert.Equal(message, status.Message);
        var detail = Assert.Single(status.Details);
        Assert.Equal(GrpcStatusDetails.ErrorInfoTypeUrl, detail.TypeUrl);
        var info = detail.Unpack<ErrorInfo>();
        Assert.Equal(reason, info.Reason);
        Assert.Equal(domain, info.Domain);
        Assert.Equal(metadata.ToDictionary(p => p.Key, p => p.Value), info.Metadata.ToDictionary(p => p.Key, p => p.Value));

        // Byte for byte what Google.Protobuf writes for the same message, metadata in the order given.
        Assert.Equal(Reference(message, reason, domain, metadata).ToByteArray(), bytes);
    }

    [Theory]
    [MemberData(nameof(Errors))]
    public void Google_Protobufs_bytes_are_what_the_reader_reads(string message, string reason, string domain, string[] pairs)
    {
        var metadata = Pairs(pairs);
        var exception = WithTrailer(Reference(message, reason, domain, metadata).ToByteArray());

        Assert.True(GrpcStatusDetails.TryRead(exception, out var readReason, out var readDomain, out var readMetadata));

        Assert.Equal(reason, readReason);
        Assert.Equal(domain, readDomain);
        Assert.Equal(metadata.ToDictionary(p => p.Key, p => p.Value), readMetadata);
    }

    [Fact]
    public void CreateException_is_read_by_Grpc_StatusProto()
    {
        var exception = GrpcStatusDetails.CreateException(StatusCode.FailedPrecondition, "Not yet.", "NOT_READY", "shop.acme.example", Pairs(new[] { "orderId", "o-9" }));

        Assert.Equal(StatusCode.FailedPrecondition, exception.StatusCode);
        var status = exception.GetRpcStatus();
        Assert.NotNull(status);
        Assert.Equal((int)StatusCode.FailedPrecondition, status!.Code);
        var info = status.GetDetail<ErrorInfo>();
        Assert.NotNull(info);
        Assert.Equal("NOT_READY", info!.Reason);
        Assert.Equal("o-9", info.Metadata["orderId"]);
    }

    [Fact]
    public void Other_details_and_unknown_fields_are_skipped()
    {
        var status = new RpcStatus
        {
            Code = (int)StatusCode.NotFound,
            Message = "m",
            Details =
            {
                Any.Pack(new RetryInfo { RetryDelay = Duration.FromTimeSpan(TimeSpan.FromSeconds(3)) }),
                Any.Pack(new ErrorInfo { Reason = "SECOND", Domain = "d" }),
            },
        };
        var bytes = status.ToByteArray();
        // After the known fields: an unknown varint field 15 (tag 0x78, value 150) and an unknown
        // fixed64 field 16 (tag 129 as the varint 0x81 0x01, then eight bytes).
        var withUnknown = bytes.Concat(new byte[] { 0x78, 0x96, 0x01, 0x81, 0x01, 1, 2, 3, 4, 5, 6, 7, 8 }).ToArray();

        Assert.True(GrpcStatusDetails.TryRead(WithTrailer(withUnknown), out var reason, out var domain, out _));
        Assert.Equal("SECOND", reason);
        Assert.Equal("d", domain);
    }

    [Fact]
    public void Malformed_input_is_rejected_without_throwing()
    {
        var valid = Reference("m", "REASON", "d", Pairs(new[] { "k", "v" })).ToByteArray();
        for (var length = 0; length < valid.Length; length++)
        {
            var truncated = valid.Take(length).ToArray();
            var found = GrpcStatusDetails.TryRead(WithTrailer(truncated), out var reason, out _, out _);
            Assert.False(found && reason != "REASON", $"a truncation to {length} bytes read a wrong reason '{reason}'");
        }

        var random = new Random(20261207);
        for (var i = 0; i < 2_000; i++)
        {
            var bytes = new byte[random.Next(0, 64)];
            random.NextBytes(bytes);
            GrpcStatusDetails.TryRead(WithTrailer(bytes), out _, out _, out _);
        }

        Assert.False(GrpcStatusDetails.TryRead(null, out _, out _, out _));
        Assert.False(GrpcStatusDetails.TryRead(new RpcException(new Grpc.Core.Status(StatusCode.Internal, "no trailer")), out _, out _, out _));
    }

    [Fact]
    public void Sorted_orders_metadata_by_key_so_the_bytes_are_deterministic()
    {
        var sorted = GrpcStatusDetails.Sorted(new Dictionary<string, string> { ["b"] = "2", ["a"] = "1", ["C"] = "3" });

        Assert.Equal(new[] { "C", "a", "b" }, sorted.Select(p => p.Key));
        Assert.Empty(GrpcStatusDetails.Sorted(null));
    }

    private static RpcStatus Reference(string message, string reason, string domain, KeyValuePair<string, string>[] metadata)
    {
        // MapField writes its entries in insertion order.
        var info = new ErrorInfo { Reason = reason, Domain = domain };
        foreach (var pair in metadata)
        {
            info.Metadata.Add(pair.Key, pair.Value);
        }

        return new RpcStatus { Code = (int)StatusCode.NotFound, Message = message, Details = { Any.Pack(info) } };
    }

    private static RpcException WithTrailer(byte[] bytes) =>
        new(new Grpc.Core.Status(StatusCode.NotFound, "m"), new Metadata { { GrpcStatusDetails.TrailerKey, bytes } });

    private static KeyValuePair<string, string>[] Pairs(string[] flat) =>
        Enumerable.Range(0, flat.Length / 2).Select(i => new KeyValuePair<string, string>(flat[2 * i], flat[2 * i + 1])).ToArray();
}
