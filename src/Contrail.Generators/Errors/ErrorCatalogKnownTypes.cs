using System.Runtime.CompilerServices;
using Contrail.Generators.TracedServices;
using Microsoft.CodeAnalysis;

namespace Contrail.Generators.Errors;

/// <summary>
/// The types the error catalog needs, resolved once per compilation and shared by the parser, the
/// analyzer and the generator. <see cref="Create"/> returns <see langword="null"/> when
/// Contrail.Abstractions' <c>[GrpcError]</c> is not referenced; the gRPC and BCL types are optional
/// and decide what is generated or checked.
/// </summary>
internal sealed class ErrorCatalogKnownTypes
{
    public const string GrpcErrorAttributeName = "Contrail.GrpcErrorAttribute";
    public const string ErrorDomainAttributeName = "Contrail.ErrorDomainAttribute";
    public const string ErrorMetadataAttributeName = "Contrail.ErrorMetadataAttribute";
    public const string ErrorCatalogAttributeName = "Contrail.ErrorCatalogAttribute";

    /// <summary>One lookup per compilation, shared by every error parsed in it.</summary>
    private static readonly ConditionalWeakTable<Compilation, ErrorCatalogKnownTypes> s_cache = new();

    private ErrorCatalogKnownTypes(Compilation compilation)
    {
        GrpcErrorAttribute = compilation.GetTypeByMetadataName(GrpcErrorAttributeName);
        ErrorMetadataAttribute = compilation.GetTypeByMetadataName(ErrorMetadataAttributeName);
        ErrorCatalogAttribute = compilation.GetTypeByMetadataName(ErrorCatalogAttributeName);
        TracedServiceAttribute = compilation.GetTypeByMetadataName(TracedServiceKnownTypes.TracedServiceAttribute);
        Exception = compilation.GetTypeByMetadataName("System.Exception");
        OperationCanceledException = compilation.GetTypeByMetadataName("System.OperationCanceledException");
        RpcException = compilation.GetTypeByMetadataName("Grpc.Core.RpcException");
        ServerCallContext = compilation.GetTypeByMetadataName("Grpc.Core.ServerCallContext");
        NotNullWhenAttribute = compilation.GetTypeByMetadataName("System.Diagnostics.CodeAnalysis.NotNullWhenAttribute");
    }

    public INamedTypeSymbol? GrpcErrorAttribute { get; }

    public INamedTypeSymbol? ErrorMetadataAttribute { get; }

    /// <summary><c>[assembly: ErrorCatalog]</c>, which referenced assemblies carry to name their mapper.</summary>
    public INamedTypeSymbol? ErrorCatalogAttribute { get; }

    /// <summary><c>[TracedService]</c>: CTR4008 looks at throws inside traced handlers only.</summary>
    public INamedTypeSymbol? TracedServiceAttribute { get; }

    /// <summary>The base every mapped exception type derives from.</summary>
    public INamedTypeSymbol? Exception { get; }

    public INamedTypeSymbol? OperationCanceledException { get; }

    /// <summary><c>Grpc.Core.RpcException</c>: without Grpc.Core.Api no status trailer or hook is generated.</summary>
    public INamedTypeSymbol? RpcException { get; }

    public INamedTypeSymbol? ServerCallContext { get; }

    /// <summary>Whether generated <c>TryGet</c> helpers can say <c>[NotNullWhen(true)]</c> (it may be missing or inaccessible).</summary>
    public INamedTypeSymbol? NotNullWhenAttribute { get; }

    /// <summary>The compilation's types, whatever is missing (for settings that do not need <c>[GrpcError]</c>).</summary>
    public static ErrorCatalogKnownTypes For(Compilation compilation) =>
        s_cache.GetValue(compilation, static c => new ErrorCatalogKnownTypes(c));

    /// <summary>The compilation's types, or <see langword="null"/> when <c>[GrpcError]</c> is not referenced.</summary>
    public static ErrorCatalogKnownTypes? Create(Compilation compilation)
    {
        var types = For(compilation);
        return types.GrpcErrorAttribute is null ? null : types;
    }
}
