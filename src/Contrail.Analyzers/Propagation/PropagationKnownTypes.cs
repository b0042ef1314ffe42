using Microsoft.CodeAnalysis;

namespace Contrail.Analyzers.Propagation;

/// <summary>
/// The types the context-propagation rules ask about, resolved once per compilation. Only
/// <c>Grpc.Core.ServerCallContext</c> is required: without it there are no handlers and nothing is
/// registered. Every other type may be missing (an older framework, no client package), and the rules
/// that need it are then skipped.
/// </summary>
internal sealed class PropagationKnownTypes
{
    private PropagationKnownTypes(Compilation compilation, INamedTypeSymbol serverCallContext)
    {
        ServerCallContext = serverCallContext;
        BindServiceMethodAttribute = compilation.GetTypeByMetadataName("Grpc.Core.BindServiceMethodAttribute");
        ClientBase = compilation.GetTypeByMetadataName("Grpc.Core.ClientBase");
        CallOptions = compilation.GetTypeByMetadataName("Grpc.Core.CallOptions");
        AsyncStreamReader = compilation.GetTypeByMetadataName("Grpc.Core.IAsyncStreamReader`1");
        AsyncStreamWriter = compilation.GetTypeByMetadataName("Grpc.Core.IAsyncStreamWriter`1");
        ServerStreamWriter = compilation.GetTypeByMetadataName("Grpc.Core.IServerStreamWriter`1");
        CancellationToken = compilation.GetTypeByMetadataName("System.Threading.CancellationToken");
        CancellationTokenSource = compilation.GetTypeByMetadataName("System.Threading.CancellationTokenSource");
        ExecutionContext = compilation.GetTypeByMetadataName("System.Threading.ExecutionContext");
        ThreadPool = compilation.GetTypeByMetadataName("System.Threading.ThreadPool");
        Task = compilation.GetTypeByMetadataName("System.Threading.Tasks.Task");
        TaskOfT = compilation.GetTypeByMetadataName("System.Threading.Tasks.Task`1");
        ValueTask = compilation.GetTypeByMetadataName("System.Threading.Tasks.ValueTask");
        ValueTaskOfT = compilation.GetTypeByMetadataName("System.Threading.Tasks.ValueTask`1");
        TaskFactory = compilation.GetTypeByMetadataName("System.Threading.Tasks.TaskFactory");
        TaskFactoryOfT = compilation.GetTypeByMetadataName("System.Threading.Tasks.TaskFactory`1");
        AsyncEnumerable = compilation.GetTypeByMetadataName("System.Collections.Generic.IAsyncEnumerable`1");
        ConfiguredCancelableAsyncEnumerable = compilation.GetTypeByMetadataName("System.Runtime.CompilerServices.ConfiguredCancelableAsyncEnumerable`1");
        Activity = compilation.GetTypeByMetadataName("System.Diagnostics.Activity");
        ActivitySource = compilation.GetTypeByMetadataName("System.Diagnostics.ActivitySource");
        ActivityTraceId = compilation.GetTypeByMetadataName("System.Diagnostics.ActivityTraceId");
        ActivitySpanId = compilation.GetTypeByMetadataName("System.Diagnostics.ActivitySpanId");
    }

    public INamedTypeSymbol ServerCallContext { get; }

    public INamedTypeSymbol? BindServiceMethodAttribute { get; }

    public INamedTypeSymbol? ClientBase { get; }

    public INamedTypeSymbol? CallOptions { get; }

    public INamedTypeSymbol? AsyncStreamReader { get; }

    public INamedTypeSymbol? AsyncStreamWriter { get; }

    public INamedTypeSymbol? ServerStreamWriter { get; }

    public INamedTypeSymbol? CancellationToken { get; }

    public INamedTypeSymbol? CancellationTokenSource { get; }

    public INamedTypeSymbol? ExecutionContext { get; }

    public INamedTypeSymbol? ThreadPool { get; }

    public INamedTypeSymbol? Task { get; }

    public INamedTypeSymbol? TaskOfT { get; }

    public INamedTypeSymbol? ValueTask { get; }

    public INamedTypeSymbol? ValueTaskOfT { get; }

    public INamedTypeSymbol? TaskFactory { get; }

    public INamedTypeSymbol? TaskFactoryOfT { get; }

    public INamedTypeSymbol? AsyncEnumerable { get; }

    public INamedTypeSymbol? ConfiguredCancelableAsyncEnumerable { get; }

    public INamedTypeSymbol? Activity { get; }

    public INamedTypeSymbol? ActivitySource { get; }

    public INamedTypeSymbol? ActivityTraceId { get; }

    public INamedTypeSymbol? ActivitySpanId { get; }

    /// <summary>The known types, or null when the compilation does not reference gRPC's server API.</summary>
    public static PropagationKnownTypes? TryCreate(Compilation compilation)
    {
        var serverCallContext = compilation.GetTypeByMetadataName("Grpc.Core.ServerCallContext");
        return serverCallContext is null ? null : new PropagationKnownTypes(compilation, serverCallContext);
    }

    public bool IsCancellationToken(ITypeSymbol? type) =>
        type is not null && CancellationToken is not null && SymbolEqualityComparer.Default.Equals(type, CancellationToken);

    public bool IsServerCallContext(ITypeSymbol? type) => DerivesFrom(type, ServerCallContext);

    /// <summary>True for a generated gRPC client: a class derived from <c>Grpc.Core.ClientBase</c>.</summary>
    public bool IsGrpcClient(ITypeSymbol? type) =>
        type is not null && ClientBase is not null && !SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, ClientBase)
        && type.BaseType is not null && DerivesFrom(type, ClientBase);

    /// <summary>True for the request reader and response writer types a handler receives.</summary>
    public bool IsRequestStream(ITypeSymbol? type) =>
        type is INamedTypeSymbol named
        && (Is(named.OriginalDefinition, AsyncStreamReader) || Is(named.OriginalDefinition, ServerStreamWriter) || Is(named.OriginalDefinition, AsyncStreamWriter));

    public bool IsAwaitableTask(ITypeSymbol? type) =>
        type is INamedTypeSymbol named
        && (Is(named.OriginalDefinition, Task) || Is(named.OriginalDefinition, TaskOfT) || Is(named.OriginalDefinition, ValueTask) || Is(named.OriginalDefinition, ValueTaskOfT)
            || DerivesFrom(named, Task));

    public static bool Is(ITypeSymbol? type, INamedTypeSymbol? known) =>
        type is not null && known is not null && SymbolEqualityComparer.Default.Equals(type, known);

    public static bool DerivesFrom(ITypeSymbol? type, INamedTypeSymbol? baseType)
    {
        if (baseType is null)
        {
            return false;
        }

        for (var current = type; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, baseType))
            {
                return true;
            }
        }

        return false;
    }
}
