using System;
using System.Buffers;

namespace Grpc.Core;

/// <summary>Provides storage for a serialized payload.</summary>
public abstract class SerializationContext
{
    /// <summary>Completes the serialization with a byte array payload.</summary>
    public virtual void Complete(byte[] payload)
    {
        throw new NotImplementedException();
    }

    /// <summary>Gets a buffer writer that the payload can be written to.</summary>
    public virtual IBufferWriter<byte> GetBufferWriter()
    {
        throw new NotImplementedException();
    }

    /// <summary>Sets the payload length when it is known in advance (optional hint).</summary>
    public virtual void SetPayloadLength(int payloadLength)
    {
    }

    /// <summary>Completes a serialization written with <see cref="GetBufferWriter"/>.</summary>
    public virtual void Complete()
    {
        throw new NotImplementedException();
    }
}

/// <summary>Provides access to a payload that is being deserialized.</summary>
public abstract class DeserializationContext
{
    public abstract int PayloadLength { get; }

    public virtual byte[] PayloadAsNewBuffer()
    {
        throw new NotImplementedException();
    }

    public virtual ReadOnlySequence<byte> PayloadAsReadOnlySequence()
    {
        throw new NotImplementedException();
    }
}
