using System.Threading.Tasks;
using Contrail.Testing.Grpc.Internal;

namespace Grpc.Core;

/// <summary>Base class for gRPC channels; a channel creates call invokers.</summary>
public abstract class ChannelBase
{
    protected ChannelBase(string target)
    {
        Target = Guard.NotNull(target, nameof(target));
    }

    public string Target { get; }

    public abstract CallInvoker CreateCallInvoker();

    public Task ShutdownAsync()
    {
        return ShutdownAsyncCore();
    }

    /// <summary>Shuts the channel down; the default does nothing.</summary>
    protected virtual Task ShutdownAsyncCore()
    {
        return Task.CompletedTask;
    }
}
