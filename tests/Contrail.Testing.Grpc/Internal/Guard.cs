using System;

namespace Contrail.Testing.Grpc.Internal;

/// <summary>Argument and state checks shared by the stand-in types.</summary>
internal static class Guard
{
    public static T NotNull<T>(T? value, string paramName)
        where T : class
    {
        return value ?? throw new ArgumentNullException(paramName);
    }

    public static void Argument(bool condition, string message, string? paramName = null)
    {
        if (!condition)
        {
            throw new ArgumentException(message, paramName);
        }
    }

    public static void State(bool condition, string message)
    {
        if (!condition)
        {
            throw new InvalidOperationException(message);
        }
    }
}
