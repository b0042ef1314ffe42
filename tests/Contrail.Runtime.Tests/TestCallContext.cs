using System;
using System.Threading;
using System.Threading.Tasks;
using Grpc.Core;

namespace Contrail.Runtime.Tests;

/// <summary>A server call context with the values a test sets, as the gRPC server would give them.</summary>
internal sealed class TestCallContext : ServerCallContext
{
    private Status _status;
    private WriteOptions? _writeOptions;

    public string HostValue { get; init; } = "localhost:5001";

    public string PeerValue { get; init; } = "ipv4:127.0.0.1:50051";

    public DateTime DeadlineValue { get; init; } = DateTime.MaxValue;

    public Metadata RequestHeadersValue { get; init; } = new Metadata();

    public CancellationToken CancellationTokenValue { get; init; }

    protected override string MethodCore => "/acme.test.v1.Tests/Get";

    protected override string HostCore => HostValue;

    protected override string PeerCore => PeerValue;

    protected override DateTime DeadlineCore => DeadlineValue;

    protected override Metadata RequestHeadersCore => RequestHeadersValue;

    protected override CancellationToken CancellationTokenCore => CancellationTokenValue;

    protected override Metadata ResponseTrailersCore { get; } = new Metadata();

    protected override Status StatusCore
    {
        get => _status;
        set => _status = value;
    }

    protected override WriteOptions? WriteOptionsCore
    {
        get => _writeOptions;
        set => _writeOptions = value;
    }

    protected override AuthContext AuthContextCore { get; } = new AuthContext(null, new System.Collections.Generic.Dictionary<string, System.Collections.Generic.List<AuthProperty>>());

    protected override ContextPropagationToken CreatePropagationTokenCore(ContextPropagationOptions? options) =>
        throw new NotSupportedException();

    protected override Task WriteResponseHeadersAsyncCore(Metadata responseHeaders) => Task.CompletedTask;
}
