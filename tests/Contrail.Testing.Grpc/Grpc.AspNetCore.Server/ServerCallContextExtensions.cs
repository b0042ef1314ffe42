using System;
using Microsoft.AspNetCore.Http;

namespace Grpc.Core;

/// <summary>Extension methods for <see cref="ServerCallContext"/> (upstream: Grpc.AspNetCore.Server).</summary>
public static class ServerCallContextExtensions
{
    /// <summary>The <see cref="ServerCallContext.UserState"/> key under which custom contexts store the HttpContext.</summary>
    internal const string HttpContextKey = "__HttpContext";

    /// <summary>Gets the call's <see cref="HttpContext"/>; throws when the context has none.</summary>
    public static HttpContext GetHttpContext(this ServerCallContext serverCallContext)
    {
        ArgumentNullException.ThrowIfNull(serverCallContext);

        if (serverCallContext.UserState is { } state && state.TryGetValue(HttpContextKey, out var value) && value is HttpContext httpContext)
        {
            return httpContext;
        }

        throw new InvalidOperationException("Could not get HttpContext from ServerCallContext. HttpContext can only be accessed when gRPC services are hosted by ASP.NET Core.");
    }
}
