using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Contrail.Schema.Breaking;
using Contrail.Schema.Protoc;

namespace Contrail.Schema.Tests.Parity;

/// <summary>What buf and Contrail report for one corpus case under one category.</summary>
internal sealed record ParityResult(string Case, string Category, IReadOnlyList<BufFinding> Buf, IReadOnlyList<BreakingFinding> Contrail)
{
    public IReadOnlyList<string> BufRuleIds { get; } = Buf.Select(finding => finding.RuleId).OrderBy(id => id, StringComparer.Ordinal).ToList();

    public IReadOnlyList<string> ContrailRuleIds { get; } = Contrail.Select(finding => finding.RuleId).OrderBy(id => id, StringComparer.Ordinal).ToList();

    public bool SameRuleIds => BufRuleIds.SequenceEqual(ContrailRuleIds, StringComparer.Ordinal);

    /// <summary>buf's findings that Contrail reports with the same rule, path, line, column and message.</summary>
    public int ExactMatches
    {
        get
        {
            var remaining = Contrail.Select(Key).ToList();
            var count = 0;
            foreach (var finding in Buf)
            {
                var key = (finding.RuleId, finding.Path, finding.StartLine, finding.StartColumn, finding.Message);
                var index = remaining.IndexOf(key);
                if (index >= 0)
                {
                    remaining.RemoveAt(index);
                    count++;
                }
            }

            return count;
        }
    }

    /// <summary>buf's findings whose message Contrail reproduces under the same rule (location aside).</summary>
    public int MessageMatches
    {
        get
        {
            var remaining = Contrail.Select(finding => (finding.RuleId, finding.Message)).ToList();
            var count = 0;
            foreach (var finding in Buf)
            {
                var index = remaining.IndexOf((finding.RuleId, finding.Message));
                if (index >= 0)
                {
                    remaining.RemoveAt(index);
                    count++;
                }
            }

            return count;
        }
    }

    public string Describe()
        => $"{Case} [{Category}]\n  buf:\n{string.Join("\n", Buf.Select(f => $"    {f.Path}:{f.StartLine}:{f.StartColumn} {f.RuleId} {f.Message}"))}\n  contrail:\n{string.Join("\n", Contrail.Select(f => $"    {f.Location.Path}:{f.Location.StartLine}:{f.Location.StartColumn} {f.RuleId} {f.Message}"))}";

    private static (string, string, int, int, string) Key(BreakingFinding finding)
        => (finding.RuleId, finding.Location.Path, finding.Location.StartLine, finding.Location.StartColumn, finding.Message);
}

/// <summary>
/// The parity corpus: before/after schema pairs under Parity/Corpus, each run through buf and Contrail under the
/// four categories once per test run (the results are shared by the parity tests).
/// </summary>
internal static class ParityCorpus
{
    public static readonly string[] Categories = { BreakingRules.File, BreakingRules.Package, BreakingRules.WireJson, BreakingRules.Wire };

    private static readonly Lazy<IReadOnlyDictionary<(string Case, string Category), ParityResult>> LazyResults = new(Compute);

    public static IReadOnlyList<string> CaseNames { get; } = Directory.GetDirectories(RepositoryPaths.Corpus)
        .Select(Path.GetFileName)
        .OfType<string>()
        .OrderBy(name => name, StringComparer.Ordinal)
        .ToList();

    public static IReadOnlyDictionary<(string Case, string Category), ParityResult> Results => LazyResults.Value;

    public static bool IsControl(string caseName) => caseName.Substring(4).StartsWith("control-", StringComparison.Ordinal);

    public static string CaseDirectory(string caseName) => Path.Combine(RepositoryPaths.Corpus, caseName);

    private static IReadOnlyDictionary<(string Case, string Category), ParityResult> Compute()
    {
        _ = BufCli.Executable;
        var results = new ConcurrentDictionary<(string, string), ParityResult>();
        var failures = new ConcurrentBag<string>();
        Parallel.ForEach(CaseNames, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(4, Environment.ProcessorCount * 2) }, caseName =>
        {
            try
            {
                var directory = CaseDirectory(caseName);
                var before = ProtocCompiler.CompileDirectory(Path.Combine(directory, "before"));
                var after = ProtocCompiler.CompileDirectory(Path.Combine(directory, "after"));
                foreach (var category in Categories)
                {
                    var contrail = BreakingChecker.Check(after, before, new BreakingOptions { Use = new[] { category } });
                    var buf = BufCli.Breaking(directory, category);
                    results[(caseName, category)] = new ParityResult(caseName, category, buf, contrail);
                }
            }
            catch (Exception exception)
            {
                failures.Add($"{caseName}: {exception.Message}");
            }
        });

        if (!failures.IsEmpty)
        {
            throw new InvalidOperationException("The parity corpus could not be run:\n" + string.Join("\n", failures.OrderBy(f => f, StringComparer.Ordinal)));
        }

        return results;
    }
}
