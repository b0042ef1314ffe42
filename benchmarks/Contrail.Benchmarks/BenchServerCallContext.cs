using System;
using System.Threading;
using System.Threading.Tasks;
using Grpc.Core;

namespace Contrail.Benchmarks;

/// <summary>
/// A fixed <see cref="ServerCallContext"/> for the in-process interceptor benchmarks: Grpc.Core.Api's context is
/// abstract and grpc-dotnet's own implementation is internal, so the microbenchmarks hand the interceptor this
/// test double, with what grpc-dotnet reports for a call over TCP. The pipeline benchmarks use the real one.
/// </summary>
internal sealed class BenchServerCallContext : ServerCallContext
{
    private readonly string _method;
    private readonly Metadata _requestHeaders = new Metadata();
    private readonly Metadata _responseTrailers = new Metadata();

    public BenchServerCallContext(string method)
    {
        _method = method;
    }

    protected override string MethodCore => _method;

    // The authority with its port, and the peer, as grpc-dotnet formats them.
    protected override string HostCore => "localhost:5001";

    protected override string PeerCore => "ipv4:127.0.0.1:50051";

    protected override DateTime DeadlineCore => DateTime.MaxValue;

    protected override Metadata RequestHeadersCore => _requestHeaders;

    protected override CancellationToken CancellationTokenCore => CancellationToken.None;

    protected override Metadata ResponseTrailersCore => _responseTrailers;

    protected override Status StatusCore { get; set; }

    protected override WriteOptions? WriteOptionsCore { get; set; }

    protected override AuthContext AuthContextCore => throw new NotSupportedException("The benchmarks make no authenticated calls.");

    protected override ContextPropagationToken CreatePropagationTokenCore(ContextPropagationOptions? options) =>
        throw new NotSupportedException("The benchmarks propagate no context.");

    protected override Task WriteResponseHeadersAsyncCore(Metadata responseHeaders) => Task.CompletedTask;
}
