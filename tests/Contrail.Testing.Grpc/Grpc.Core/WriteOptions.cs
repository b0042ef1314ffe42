using System;

namespace Grpc.Core;

/// <summary>Flags for write operations.</summary>
[Flags]
public enum WriteFlags
{
    BufferHint = 0x1,
    NoCompress = 0x2,
}

/// <summary>Options for write operations.</summary>
public class WriteOptions
{
    public static readonly WriteOptions Default = new WriteOptions();

    public WriteOptions(WriteFlags flags = default(WriteFlags))
    {
        Flags = flags;
    }

    public WriteFlags Flags { get; }
}
