using System;
using System.Text;
using Contrail.Testing.Grpc.Internal;

namespace Grpc.Core;

/// <summary>Encapsulates the logic for serializing and deserializing messages.</summary>
public class Marshaller<T>
{
    /// <summary>Creates a marshaller from simple (byte array) functions; the contextual variants are emulated.</summary>
    public Marshaller(Func<T, byte[]> serializer, Func<byte[], T> deserializer)
    {
        Serializer = Guard.NotNull(serializer, nameof(serializer));
        Deserializer = Guard.NotNull(deserializer, nameof(deserializer));
        ContextualSerializer = (message, context) => context.Complete(serializer(message));
        ContextualDeserializer = context => deserializer(context.PayloadAsNewBuffer());
    }

    /// <summary>Creates a marshaller from contextual functions; the simple variants are not available.</summary>
    public Marshaller(Action<T, SerializationContext> serializer, Func<DeserializationContext, T> deserializer)
    {
        ContextualSerializer = Guard.NotNull(serializer, nameof(serializer));
        ContextualDeserializer = Guard.NotNull(deserializer, nameof(deserializer));
        Serializer = _ => throw new NotImplementedException();
        Deserializer = _ => throw new NotImplementedException();
    }

    public Func<T, byte[]> Serializer { get; }

    public Func<byte[], T> Deserializer { get; }

    public Action<T, SerializationContext> ContextualSerializer { get; }

    public Func<DeserializationContext, T> ContextualDeserializer { get; }
}

/// <summary>Utilities for creating marshallers.</summary>
public static class Marshallers
{
    public static Marshaller<T> Create<T>(Func<T, byte[]> serializer, Func<byte[], T> deserializer)
    {
        return new Marshaller<T>(serializer, deserializer);
    }

    public static Marshaller<T> Create<T>(Action<T, SerializationContext> serializer, Func<DeserializationContext, T> deserializer)
    {
        return new Marshaller<T>(serializer, deserializer);
    }

    /// <summary>A marshaller for UTF-8 strings.</summary>
    public static Marshaller<string> StringMarshaller => new Marshaller<string>(Encoding.UTF8.GetBytes, Encoding.UTF8.GetString);
}
