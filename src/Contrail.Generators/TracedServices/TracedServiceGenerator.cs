using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Contrail.Generators.TracedServices;

/// <summary>
/// Emits, for every class marked <c>[TracedService]</c>, an interceptor that traces its RPCs, and
/// per assembly the shared telemetry core and <c>AddContrail()</c>.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class TracedServiceGenerator : IIncrementalGenerator
{
    /// <summary>Names of the pipeline steps, for caching tests.</summary>
    public static class TrackingNames
    {
        public const string Services = "TracedServices";
        public const string Environment = "TracedServicesEnvironment";
        public const string Assembly = "TracedServicesAssembly";
    }

    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var services = TracedServiceProvider.ValidServices(context)
            .WithTrackingName(TrackingNames.Services);

        var environment = context.CompilationProvider
            .Select(static (compilation, cancellationToken) => TracedServicesEnvironment.Create(compilation, cancellationToken))
            .WithTrackingName(TrackingNames.Environment);

        context.RegisterSourceOutput(services, static (output, service) =>
            output.AddSource(service.HintName, TracedServiceEmitter.Emit(service)));

        var assembly = services
            .Select(static (service, _) => new ServiceRegistrationModel(service.ServiceTypeName, service.InterceptorTypeName))
            .Collect()
            .Combine(environment)
            .WithTrackingName(TrackingNames.Assembly);

        context.RegisterSourceOutput(assembly, static (output, pair) =>
        {
            var (local, env) = pair;
            if (!local.IsEmpty)
            {
                foreach (var (hintName, source) in ServerTelemetryEmitter.Emit(env.HasInstrumentAdvice))
                {
                    output.AddSource(hintName, source);
                }
            }

            if (env.HasGrpcServerBuilder)
            {
                var registrations = local.OrderBy(s => s.ServiceTypeName, System.StringComparer.Ordinal)
                    .Concat(env.ReferencedServices)
                    .ToList();
                output.AddSource(ServerTelemetryEmitter.RegistrationHintName, RegistrationEmitter.Emit(registrations));
            }
        });
    }
}
