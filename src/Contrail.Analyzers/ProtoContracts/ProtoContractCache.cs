using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Text;
using System.Threading;

namespace Contrail.Analyzers.ProtoContracts;

/// <summary>
/// Results of <see cref="ProtoContractCheck"/> shared across compilations. The compiler server and the
/// IDE create a new compilation for every keystroke in a C# file; the proto contract's inputs (the
/// <c>.proto</c> files and the baseline on disk, and the settings) rarely change between them, so the
/// result is looked up by a content hash of those inputs and protoc runs only when one of them changed.
/// </summary>
internal static class ProtoContractCache
{
    // A few entries cover a solution with several proto projects open at once; the oldest is dropped.
    private const int Capacity = 16;

    private static readonly object s_gate = new();
    private static readonly LinkedList<KeyValuePair<string, ProtoContractResult>> s_entries = new();
    private static int s_schemaRuns;

    /// <summary>How many times the schema work ran (a cache miss) since the process started; for tests.</summary>
    public static int SchemaRuns => Volatile.Read(ref s_schemaRuns);

    /// <summary>The result for <paramref name="inputs"/>, computed only if no earlier compilation had the same inputs.</summary>
    public static ProtoContractResult GetOrRun(ProtoContractInputs inputs)
    {
        var key = Key(inputs);
        lock (s_gate)
        {
            for (var node = s_entries.First; node is not null; node = node.Next)
            {
                if (string.Equals(node.Value.Key, key, StringComparison.Ordinal))
                {
                    s_entries.Remove(node);
                    s_entries.AddFirst(node);
                    return node.Value.Value;
                }
            }
        }

        // Outside the lock: protoc takes tens of milliseconds and other projects must not wait for it.
        // Two compilations racing on the same new inputs may both run it; both get equal results.
        Interlocked.Increment(ref s_schemaRuns);
        var result = ProtoContractCheck.Run(inputs);
        lock (s_gate)
        {
            s_entries.AddFirst(new KeyValuePair<string, ProtoContractResult>(key, result));
            while (s_entries.Count > Capacity)
            {
                s_entries.RemoveLast();
            }
        }

        return result;
    }

    /// <summary>SHA-256 of the settings, every .proto file's path, root and bytes on disk, and the baseline's bytes.</summary>
    internal static string Key(ProtoContractInputs inputs)
    {
        using var sha = SHA256.Create();
        void Add(byte[] bytes)
        {
            // Length-prefixed, so that no two different input lists hash the same concatenation.
            var length = BitConverter.GetBytes(bytes.Length);
            sha.TransformBlock(length, 0, length.Length, null, 0);
            sha.TransformBlock(bytes, 0, bytes.Length, null, 0);
        }

        void AddText(string? text) => Add(Encoding.UTF8.GetBytes(text ?? "\0null"));

        AddText(inputs.Settings.Describe());
        foreach (var proto in inputs.Protos)
        {
            AddText(proto.FullPath);
            AddText(proto.RootFullPath);
            Add(proto.Content ?? Encoding.UTF8.GetBytes("\0unreadable"));
        }

        AddText(inputs.BaselineReadError);
        Add(inputs.Baseline ?? Encoding.UTF8.GetBytes("\0missing"));
        sha.TransformFinalBlock(Array.Empty<byte>(), 0, 0);
        return Convert.ToBase64String(sha.Hash);
    }
}
