using System.Collections.Generic;
using Contrail.Generators.Common;

namespace Contrail.Generators.TracedServices;

/// <summary>Writes <c>AddContrail()</c> for an assembly that references ASP.NET Core gRPC.</summary>
internal static class RegistrationEmitter
{
    /// <param name="services">The traced services to register: this assembly's first, then referenced assemblies'.</param>
    public static string Emit(IReadOnlyList<ServiceRegistrationModel> services)
    {
        var writer = new SourceWriter();
        writer.WriteBlock(GeneratedCode.Header);
        writer.WriteLine("namespace Microsoft.Extensions.DependencyInjection");
        writer.OpenBrace();
        writer.WriteLine("/// <summary>Registers Contrail's telemetry for traced gRPC services.</summary>");
        writer.WriteLine(GeneratedCode.Attribute);
        writer.WriteLine("internal static class ContrailGrpcServerBuilderExtensions");
        writer.OpenBrace();
        writer.WriteLine("/// <summary>");
        writer.WriteLine("/// Traces every <c>[TracedService]</c> class of this assembly and of the assemblies it references:");
        writer.WriteLine("/// one server span per call and the <c>rpc.server.call.duration</c> histogram, from the");
        writer.WriteLine("/// ActivitySource and Meter named <c>Contrail.Grpc.Server</c>. Calling it again adds nothing.");
        writer.WriteLine("/// </summary>");
        writer.WriteLine("/// <param name=\"builder\">The gRPC server builder returned by <c>AddGrpc()</c>.</param>");
        writer.WriteLine("/// <returns>The same builder, for chaining.</returns>");
        writer.WriteLine("public static global::Grpc.AspNetCore.Server.IGrpcServerBuilder AddContrail(this global::Grpc.AspNetCore.Server.IGrpcServerBuilder builder)");
        writer.OpenBrace();
        writer.WriteLine("if (builder is null)");
        writer.OpenBrace();
        writer.WriteLine("throw new global::System.ArgumentNullException(nameof(builder));");
        writer.CloseBrace();
        writer.WriteLine();
        foreach (var service in services)
        {
            writer.WriteLine($"AddTracedService<{service.ServiceTypeName}, {service.InterceptorTypeName}>(builder);");
        }

        writer.WriteLine("return builder;");
        writer.CloseBrace();
        writer.WriteLine();
        writer.WriteLine("private static void AddTracedService<TService, TInterceptor>(global::Grpc.AspNetCore.Server.IGrpcServerBuilder builder)");
        using (writer.Indent())
        {
            writer.WriteLine("where TService : class");
            writer.WriteLine("where TInterceptor : global::Grpc.Core.Interceptors.Interceptor");
        }

        writer.OpenBrace();
        writer.WriteLine("foreach (var descriptor in builder.Services)");
        writer.OpenBrace();
        writer.WriteLine("if (descriptor.ServiceType == typeof(TInterceptor))");
        writer.OpenBrace();
        writer.WriteLine("return;");
        writer.CloseBrace();
        writer.CloseBrace();
        writer.WriteLine();
        writer.WriteLine("// A singleton: grpc-dotnet resolves registered interceptors from the container instead of creating one per call.");
        writer.WriteLine("global::Microsoft.Extensions.DependencyInjection.ServiceCollectionServiceExtensions.AddSingleton<TInterceptor>(builder.Services);");
        writer.WriteLine("builder.AddServiceOptions<TService>(static options => options.Interceptors.Add<TInterceptor>());");
        writer.CloseBrace();
        writer.CloseBrace();
        writer.CloseBrace();
        return writer.ToString();
    }
}
