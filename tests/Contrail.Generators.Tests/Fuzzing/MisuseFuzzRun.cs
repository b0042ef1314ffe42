using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Contrail.Generators.Tests.Fuzzing;

/// <summary>
/// Checks the cases <c>first</c> to <c>first + count - 1</c> of a seed, on every core, and keeps the
/// findings. The report is the same for the same seed and cases whatever the scheduling: findings are
/// ordered by case index.
/// </summary>
internal sealed class MisuseFuzzRun
{
    private MisuseFuzzRun(int seed, int first, int count, IReadOnlyList<MisuseOutcome> findings, int excusedEchoes, int excusedMasking, TimeSpan elapsed)
    {
        Seed = seed;
        First = first;
        Count = count;
        Findings = findings;
        ExcusedEchoes = excusedEchoes;
        ExcusedMasking = excusedMasking;
        Elapsed = elapsed;
    }

    public int Seed { get; }

    public int First { get; }

    public int Count { get; }

    public IReadOnlyList<MisuseOutcome> Findings { get; }

    /// <summary>Errors in generated files that copy the user's own error (see <see cref="MisuseOutcome"/>).</summary>
    public int ExcusedEchoes { get; }

    /// <summary>Masking errors that the user's own error in the same member explains.</summary>
    public int ExcusedMasking { get; }

    public TimeSpan Elapsed { get; }

    public static MisuseFuzzRun Execute(int seed, int first, int count)
    {
        var findings = new MisuseOutcome?[count];
        var excusedEchoes = 0;
        var excusedMasking = 0;
        var stopwatch = Stopwatch.StartNew();
        Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            var misuseCase = MisuseCase.Create(seed, first + i);
            var check = MisuseOracle.Check(misuseCase);
            Interlocked.Add(ref excusedEchoes, check.ExcusedEchoes);
            Interlocked.Add(ref excusedMasking, check.ExcusedMasking);
            if (check.IsFinding)
            {
                findings[i] = new MisuseOutcome(misuseCase, check);
            }
        });

        return new MisuseFuzzRun(seed, first, count, findings.OfType<MisuseOutcome>().ToList(), excusedEchoes, excusedMasking, stopwatch.Elapsed);
    }

    /// <summary>The figures of the run, then each distinct problem with its shortest case, preferring one whose only errors are the problems.</summary>
    public string Report()
    {
        var text = new StringBuilder();
        var seconds = Elapsed.TotalSeconds;
        text.AppendLine(CultureInfo.InvariantCulture, $"Misuse fuzzer: seed {Seed}, cases {First} to {First + Count - 1}");
        text.AppendLine(CultureInfo.InvariantCulture, $"  compilations:                       {Count}");
        text.AppendLine(CultureInfo.InvariantCulture, $"  seconds:                            {seconds:F1} ({Count / seconds:F1} compilations/s on {Environment.ProcessorCount} cores)");
        Figure(text, "generator exceptions", MisuseProblemKind.GeneratorException);
        Figure(text, "CS8785/CS8784 (generator failed)", MisuseProblemKind.GeneratorFailure);
        Figure(text, "AD0001 (analyzer threw)", MisuseProblemKind.AnalyzerException);
        Figure(text, "errors in generated files", MisuseProblemKind.GeneratedFileError);
        Figure(text, "masking errors (CS8795, ...)", MisuseProblemKind.MaskingError);
        text.AppendLine(CultureInfo.InvariantCulture, $"  compilations with any finding:      {Findings.Count}");
        text.AppendLine(CultureInfo.InvariantCulture, $"  excused as the user's own errors:   {ExcusedEchoes} generated copies of them, {ExcusedMasking} masking errors they explain");

        // A compilation often has several problems; each signature is listed with the shortest compilation that has it.
        var causes = Findings
            .SelectMany(f => f.Check.Problems.Select(p => p.Signature).Distinct().Select(signature => (Signature: signature, Finding: f)))
            .GroupBy(e => e.Signature, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count())
            .ThenBy(g => g.Key, StringComparer.Ordinal)
            .ToList();
        if (causes.Count > 0)
        {
            text.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"{causes.Count} distinct problem signatures, each with the shortest compilation that has it:");
            text.AppendLine("  compilations (of which the only errors, the user's code having none of its own)  signature");
            foreach (var cause in causes)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"  {cause.Count(),6} ({cause.Count(e => !e.Finding.Check.HasOwnErrors),6})  {cause.Key}");
            }

            foreach (var cause in causes)
            {
                var shortest = cause.Select(e => e.Finding).OrderBy(f => f.Check.HasOwnErrors).ThenBy(f => f.Case.Source.Length).ThenBy(f => f.Case.Index).First();
                text.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"== {cause.Key}: {cause.Count()} compilations; the shortest (without errors of the user's own, if any) is");
                text.AppendLine(shortest.Describe());
            }
        }

        return text.ToString();
    }

    private void Figure(StringBuilder text, string label, MisuseProblemKind kind)
    {
        var compilations = Findings.Count(f => f.Check.Problems.Any(p => p.Kind == kind));
        var problems = Findings.Sum(f => f.Check.Problems.Count(p => p.Kind == kind));
        text.AppendLine(CultureInfo.InvariantCulture, $"  {(label + ":").PadRight(36)}{compilations} compilations ({problems} diagnostics)");
    }
}
