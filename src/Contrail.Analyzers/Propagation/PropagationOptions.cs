using Microsoft.CodeAnalysis.Diagnostics;

namespace Contrail.Analyzers.Propagation;

/// <summary>The .editorconfig options of the context-propagation rules, read per syntax tree.</summary>
internal sealed class PropagationOptions
{
    /// <summary>
    /// <c>contrail_propagation.client_call_context_propagation = true</c>: the team propagates the call
    /// context to gRPC clients with grpc-dotnet's client factory (<c>EnableCallContextPropagation()</c>),
    /// so CTR1002 is not reported.
    /// </summary>
    public const string ClientFactoryPropagationKey = "contrail_propagation.client_call_context_propagation";

    public static readonly PropagationOptions Default = new(clientFactoryPropagation: false);

    private PropagationOptions(bool clientFactoryPropagation)
    {
        ClientFactoryPropagation = clientFactoryPropagation;
    }

    /// <summary>True when outgoing gRPC calls get the call's deadline and cancellation from the client factory.</summary>
    public bool ClientFactoryPropagation { get; }

    public static PropagationOptions Read(AnalyzerConfigOptions options) =>
        options.TryGetValue(ClientFactoryPropagationKey, out var value) && bool.TryParse(value.Trim(), out var on) && on
            ? new PropagationOptions(clientFactoryPropagation: true)
            : Default;
}
