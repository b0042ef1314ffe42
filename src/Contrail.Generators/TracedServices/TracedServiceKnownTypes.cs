using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace Contrail.Generators.TracedServices;

/// <summary>
/// The well-known types traced services need, resolved once per compilation. Returns
/// <see langword="null"/> from <see cref="Create"/> when gRPC or Contrail is not referenced.
/// </summary>
internal sealed class TracedServiceKnownTypes
{
    public const string TracedServiceAttribute = "Contrail.TracedServiceAttribute";
    public const string TraceTagAttribute = "Contrail.TraceTagAttribute";
    public const string NotTracedAttribute = "Contrail.NotTracedAttribute";
    public const string SpanStatusAttribute = "Contrail.SpanStatusAttribute";
    public const string TracedServiceRegistrationAttribute = "Contrail.TracedServiceRegistrationAttribute";
    public const string GrpcServerBuilder = "Grpc.AspNetCore.Server.IGrpcServerBuilder";
    public const string InstrumentAdvice = "System.Diagnostics.Metrics.InstrumentAdvice`1";

    private TracedServiceKnownTypes(Compilation compilation)
    {
        TracedService = compilation.GetTypeByMetadataName(TracedServiceAttribute)!;
        TraceTag = compilation.GetTypeByMetadataName(TraceTagAttribute);
        NotTraced = compilation.GetTypeByMetadataName(NotTracedAttribute);
        SpanStatus = compilation.GetTypeByMetadataName(SpanStatusAttribute);
        BindServiceMethod = compilation.GetTypeByMetadataName("Grpc.Core.BindServiceMethodAttribute")!;
        ServerCallContext = compilation.GetTypeByMetadataName("Grpc.Core.ServerCallContext")!;
        AsyncStreamReader = compilation.GetTypeByMetadataName("Grpc.Core.IAsyncStreamReader`1")!;
        ServerStreamWriter = compilation.GetTypeByMetadataName("Grpc.Core.IServerStreamWriter`1")!;
        Task = compilation.GetTypeByMetadataName("System.Threading.Tasks.Task")!;
        TaskOfT = compilation.GetTypeByMetadataName("System.Threading.Tasks.Task`1")!;
        OriginalName = compilation.GetTypeByMetadataName("Google.Protobuf.Reflection.OriginalNameAttribute");
    }

    public INamedTypeSymbol TracedService { get; }

    public INamedTypeSymbol? TraceTag { get; }

    public INamedTypeSymbol? NotTraced { get; }

    public INamedTypeSymbol? SpanStatus { get; }

    public INamedTypeSymbol BindServiceMethod { get; }

    public INamedTypeSymbol ServerCallContext { get; }

    public INamedTypeSymbol AsyncStreamReader { get; }

    public INamedTypeSymbol ServerStreamWriter { get; }

    public INamedTypeSymbol Task { get; }

    public INamedTypeSymbol TaskOfT { get; }

    /// <summary>Protobuf's <c>[OriginalName]</c> on generated enum members, when Google.Protobuf is referenced.</summary>
    public INamedTypeSymbol? OriginalName { get; }

    /// <summary>One lookup per compilation, shared by every class the generator transforms in it.</summary>
    private static readonly ConditionalWeakTable<Compilation, TracedServiceKnownTypes> s_cache = new();

    public static TracedServiceKnownTypes? Create(Compilation compilation)
    {
        var types = s_cache.GetValue(compilation, static c => new TracedServiceKnownTypes(c));
        return types.TracedService is null || types.BindServiceMethod is null || types.ServerCallContext is null
            || types.AsyncStreamReader is null || types.ServerStreamWriter is null || types.Task is null
            || types.TaskOfT is null
            ? null
            : types;
    }
}
