using System;

namespace Grpc.Core.Interceptors;

/// <summary>Extension methods that create an intercepted <see cref="CallInvoker"/> from a channel.</summary>
public static class ChannelExtensions
{
    public static CallInvoker Intercept(this ChannelBase channel, Interceptor interceptor)
    {
        return channel.CreateCallInvoker().Intercept(interceptor);
    }

    public static CallInvoker Intercept(this ChannelBase channel, params Interceptor[] interceptors)
    {
        return channel.CreateCallInvoker().Intercept(interceptors);
    }

    public static CallInvoker Intercept(this ChannelBase channel, Func<Metadata, Metadata> interceptor)
    {
        return channel.CreateCallInvoker().Intercept(interceptor);
    }
}
