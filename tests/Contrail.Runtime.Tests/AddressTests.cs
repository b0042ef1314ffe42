using System.Diagnostics;
using Contrail.Generated;
using Xunit;

namespace Contrail.Runtime.Tests;

/// <summary>
/// server.address/port from the call's authority and network.peer.address/port from grpc-dotnet's
/// peer description, parsed without allocating.
/// </summary>
public sealed class AddressTests
{
    [Theory]
    [InlineData("localhost:5001", "localhost", 5001)]
    [InlineData("localhost", "localhost", -1)]
    [InlineData("shop.example.com:443", "shop.example.com", 443)]
    [InlineData("127.0.0.1:0", "127.0.0.1", 0)]
    [InlineData("h:65535", "h", 65535)]
    [InlineData("[::1]:5001", "::1", 5001)]
    [InlineData("[::1]", "::1", -1)]
    [InlineData("[2001:db8::7]:8080", "2001:db8::7", 8080)]
    [InlineData("::1", "::1", -1)]
    [InlineData("2001:db8::7", "2001:db8::7", -1)]
    public void Authorities_parse_into_address_and_port(string value, string address, int port)
    {
        Assert.Equal((address, port), Parse(value, 0));
    }

    [Theory]
    [InlineData("ipv4:127.0.0.1:50051", "127.0.0.1", 50051)]
    [InlineData("ipv6:[::1]:50051", "::1", 50051)]
    [InlineData("ipv6:[fe80::1%25eth0]:7000", "fe80::1%25eth0", 7000)]
    [InlineData("unix:/tmp/grpc.sock", "/tmp/grpc.sock", -1)]
    public void Peers_parse_after_their_scheme(string value, string address, int port)
    {
        Assert.Equal((address, port), Parse(value, value.IndexOf(':') + 1));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("host:")]
    [InlineData("host:http")]
    [InlineData("host:-1")]
    [InlineData("host:65536")]
    [InlineData("host:99999999999")]
    [InlineData("[]")]
    [InlineData("unix:/tmp/grpc.sock")]
    public void Malformed_authorities_yield_nothing(string? value)
    {
        Assert.Null(Parse(value, 0));
    }

    [Fact]
    public void A_peer_scheme_with_nothing_after_it_yields_nothing()
    {
        Assert.Null(Parse("ipv4:", 5));
    }

    [Fact]
    public void The_span_gets_server_and_peer_tags()
    {
        using var activity = new Activity("test");

        ContrailServerTelemetry.SetAddressTags(activity, new TestCallContext { HostValue = "shop.example.com:443", PeerValue = "ipv6:[::1]:50051" });

        Assert.Equal("shop.example.com", activity.GetTagItem("server.address"));
        Assert.Equal(443, activity.GetTagItem("server.port"));
        Assert.Equal("::1", activity.GetTagItem("network.peer.address"));
        Assert.Equal(50051, activity.GetTagItem("network.peer.port"));
    }

    [Fact]
    public void Missing_ports_and_unparsable_values_set_no_tags()
    {
        using var activity = new Activity("test");

        ContrailServerTelemetry.SetAddressTags(activity, new TestCallContext { HostValue = "localhost", PeerValue = "unknown" });

        Assert.Equal("localhost", activity.GetTagItem("server.address"));
        Assert.Null(activity.GetTagItem("server.port"));
        Assert.Null(activity.GetTagItem("network.peer.address"));
        Assert.Null(activity.GetTagItem("network.peer.port"));
    }

    private static (string Address, int Port)? Parse(string? value, int start) =>
        ContrailServerTelemetry.TryParseEndpoint(value, start, out var addressStart, out var addressLength, out var port)
            ? (value!.Substring(addressStart, addressLength), port)
            : null;
}
