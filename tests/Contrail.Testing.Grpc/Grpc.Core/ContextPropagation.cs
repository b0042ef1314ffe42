namespace Grpc.Core;

/// <summary>
/// Token for propagating a server call's context to child calls. Only the server implementation can
/// create one (the constructor is internal, as upstream).
/// </summary>
public abstract class ContextPropagationToken
{
    internal ContextPropagationToken()
    {
    }
}

/// <summary>Options for <see cref="ContextPropagationToken"/>.</summary>
public class ContextPropagationOptions
{
    public static readonly ContextPropagationOptions Default = new ContextPropagationOptions();

    public ContextPropagationOptions(bool propagateDeadline = true, bool propagateCancellation = true)
    {
        IsPropagateDeadline = propagateDeadline;
        IsPropagateCancellation = propagateCancellation;
    }

    public bool IsPropagateDeadline { get; }

    public bool IsPropagateCancellation { get; }
}
