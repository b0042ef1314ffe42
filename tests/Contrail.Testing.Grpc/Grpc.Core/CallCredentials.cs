using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Contrail.Testing.Grpc.Internal;

namespace Grpc.Core;

/// <summary>
/// Client-side call credentials. A credentials object describes itself to a
/// <see cref="CallCredentialsConfiguratorBase"/> (the transport implementation).
/// </summary>
public abstract class CallCredentials
{
    /// <summary>Composes two or more credentials; all of them apply to the call.</summary>
    public static CallCredentials Compose(params CallCredentials[] credentials)
    {
        return new CompositeCallCredentials(credentials);
    }

    /// <summary>Credentials that add headers produced by an asynchronous interceptor.</summary>
    public static CallCredentials FromInterceptor(AsyncAuthInterceptor interceptor)
    {
        return new InterceptorCallCredentials(interceptor);
    }

    /// <summary>Describes these credentials to <paramref name="configurator"/> (experimental upstream API).</summary>
    public abstract void InternalPopulateConfiguration(CallCredentialsConfiguratorBase configurator, object? state);

    private sealed class CompositeCallCredentials : CallCredentials
    {
        private readonly IReadOnlyList<CallCredentials> _credentials;

        public CompositeCallCredentials(CallCredentials[] credentials)
        {
            Guard.Argument(credentials.Length >= 2, "Composite credentials object can only be created from 2 or more credentials.");
            _credentials = new List<CallCredentials>(credentials).AsReadOnly();
        }

        public override void InternalPopulateConfiguration(CallCredentialsConfiguratorBase configurator, object? state)
            => configurator.SetCompositeCredentials(state, _credentials);
    }

    private sealed class InterceptorCallCredentials : CallCredentials
    {
        private readonly AsyncAuthInterceptor _interceptor;

        public InterceptorCallCredentials(AsyncAuthInterceptor interceptor)
        {
            _interceptor = Guard.NotNull(interceptor, nameof(interceptor));
        }

        public override void InternalPopulateConfiguration(CallCredentialsConfiguratorBase configurator, object? state)
            => configurator.SetAsyncAuthInterceptorCredentials(state, _interceptor);
    }
}

/// <summary>Consumes the configuration of <see cref="CallCredentials"/> objects (experimental upstream API).</summary>
public abstract class CallCredentialsConfiguratorBase
{
    public abstract void SetCompositeCredentials(object? state, IReadOnlyList<CallCredentials> credentials);

    public abstract void SetAsyncAuthInterceptorCredentials(object? state, AsyncAuthInterceptor interceptor);
}

/// <summary>Adds authentication entries to an outgoing call's headers.</summary>
public delegate Task AsyncAuthInterceptor(AuthInterceptorContext context, Metadata metadata);

/// <summary>Context of a call being intercepted by an <see cref="AsyncAuthInterceptor"/>.</summary>
public class AuthInterceptorContext
{
    public AuthInterceptorContext(string serviceUrl, string methodName)
        : this(serviceUrl, methodName, CancellationToken.None)
    {
    }

    public AuthInterceptorContext(string serviceUrl, string methodName, CancellationToken cancellationToken)
    {
        ServiceUrl = Guard.NotNull(serviceUrl, nameof(serviceUrl));
        MethodName = Guard.NotNull(methodName, nameof(methodName));
        CancellationToken = cancellationToken;
    }

    public string ServiceUrl { get; }

    public string MethodName { get; }

    public CancellationToken CancellationToken { get; }
}
