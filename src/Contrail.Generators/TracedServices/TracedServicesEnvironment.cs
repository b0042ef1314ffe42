using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Contrail.Generators.Common;
using Microsoft.CodeAnalysis;

namespace Contrail.Generators.TracedServices;

/// <summary>
/// The compilation-wide facts the per-assembly output needs, selected from the compilation as a
/// small value so an edit that leaves them unchanged re-emits nothing.
/// </summary>
/// <param name="HasGrpcServerBuilder">Whether ASP.NET Core gRPC's <c>IGrpcServerBuilder</c> is referenced, so <c>AddContrail()</c> can be emitted.</param>
/// <param name="HasInstrumentAdvice">Whether <c>InstrumentAdvice&lt;T&gt;</c> (.NET 9+) exists for histogram bucket advice.</param>
/// <param name="ReferencedServices">Traced services declared in referenced assemblies.</param>
internal sealed record TracedServicesEnvironment(
    bool HasGrpcServerBuilder,
    bool HasInstrumentAdvice,
    EquatableArray<ServiceRegistrationModel> ReferencedServices)
{
    public static TracedServicesEnvironment Create(Compilation compilation, CancellationToken cancellationToken)
    {
        var registrationAttribute = compilation.GetTypeByMetadataName(TracedServiceKnownTypes.TracedServiceRegistrationAttribute);
        var referenced = new List<ServiceRegistrationModel>();
        if (registrationAttribute is not null)
        {
            foreach (var assembly in SymbolFacts.AssembliesCompiledAgainstContrail(compilation, cancellationToken))
            {
                foreach (var attribute in assembly.GetAttributes())
                {
                    if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, registrationAttribute)
                        && attribute.ConstructorArguments.Length == 2
                        && attribute.ConstructorArguments[0].Value is INamedTypeSymbol service
                        && attribute.ConstructorArguments[1].Value is INamedTypeSymbol interceptor)
                    {
                        referenced.Add(new ServiceRegistrationModel(
                            service.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
                            interceptor.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat)));
                    }
                }
            }
        }

        return new TracedServicesEnvironment(
            compilation.GetTypeByMetadataName(TracedServiceKnownTypes.GrpcServerBuilder) is not null,
            compilation.GetTypeByMetadataName(TracedServiceKnownTypes.InstrumentAdvice) is not null,
            referenced.OrderBy(r => r.ServiceTypeName, System.StringComparer.Ordinal).ToEquatableArray());
    }
}

/// <summary>A traced service and the interceptor that traces it, as <c>AddContrail()</c> registers them.</summary>
internal sealed record ServiceRegistrationModel(string ServiceTypeName, string InterceptorTypeName);
