using System;
using System.IO;
using BenchmarkDotNet.Attributes;
using Contrail.Schema;
using Contrail.Schema.Breaking;
using Contrail.Schema.Images;
using Contrail.Schema.Inputs;

namespace Contrail.Benchmarks;

/// <summary>
/// The breaking-change engine in process, on <see cref="GeneratedProtoSchema"/> (2,000 messages of 20 fields,
/// 100 services) and its change set: protoc compiles both versions once, in the global setup, so the
/// benchmarks measure Contrail's work only — the check, reading a baseline image and writing a snapshot.
/// </summary>
[MemoryDiagnoser]
public class ProtoBreakingBenchmarks
{
    private string directory = string.Empty;
    private SchemaImage baseline = null!;
    private SchemaImage current = null!;
    private byte[] baselineBytes = Array.Empty<byte>();

    [GlobalSetup]
    public void Setup()
    {
        directory = Path.Combine(Path.GetTempPath(), "contrail-proto-bench-" + Guid.NewGuid().ToString("N"));
        GeneratedProtoSchema.Write(Path.Combine(directory, "before"), changed: false);
        GeneratedProtoSchema.Write(Path.Combine(directory, "after"), changed: true);
        baseline = SchemaInputResolver.Load(Path.Combine(directory, "before"));
        current = SchemaInputResolver.Load(Path.Combine(directory, "after"));
        baselineBytes = SchemaImageWriter.WriteBinary(baseline);

        var findings = BreakingChecker.Check(current, baseline, BreakingOptions.Default);
        if (findings.Count != 60)
        {
            throw new InvalidOperationException($"The change set should give 60 findings, not {findings.Count}.");
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>The whole check: index both images, run the FILE rules, filter and sort the findings.</summary>
    [Benchmark(Baseline = true)]
    public int Check() => BreakingChecker.Check(current, baseline, BreakingOptions.Default).Count;

    /// <summary>Reading and validating the baseline image (what the CLI and the analyzer do with a checked-in snapshot).</summary>
    [Benchmark]
    public int ReadBaseline() => SchemaImageReader.ReadBinary(baselineBytes, "baseline.binpb").Files.Count;

    /// <summary>Writing the canonical snapshot.</summary>
    [Benchmark]
    public int WriteSnapshot() => SchemaImageWriter.WriteBinary(current).Length;
}
