using System;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using Contrail.Analyzers.Diagnostics;
using Contrail.Analyzers.ProtoContracts;
using Contrail.Schema.Breaking;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Contrail.Analyzers.Tests.ProtoContracts;

/// <summary>
/// The proto contract IDs (CTR2xxx): one per buf rule and the engine's rules all covered, each with its
/// doc page, help link, release-tracking row and README row.
/// </summary>
public sealed class ProtoContractCatalogueTests
{
    private static readonly DiagnosticDescriptor[] s_descriptors = new ProtoContractAnalyzer().SupportedDiagnostics.ToArray();

    [Fact]
    public void Every_engine_rule_has_one_diagnostic_id_and_every_rule_id_is_an_engine_rule()
    {
        var catalogue = DiagnosticDescriptors.ProtoBreakingRules.Select(rule => rule.BufRuleId).ToArray();
        Assert.Equal(catalogue.Length, catalogue.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(
            BreakingRules.All.Select(rule => rule.Id).OrderBy(id => id, StringComparer.Ordinal),
            catalogue.OrderBy(id => id, StringComparer.Ordinal));
    }

    [Fact]
    public void Rule_ids_are_numbered_from_CTR2101_and_their_messages_name_the_rule()
    {
        var rules = DiagnosticDescriptors.ProtoBreakingRules;
        for (var i = 0; i < rules.Length; i++)
        {
            Assert.Equal("CTR" + (2101 + i).ToString(System.Globalization.CultureInfo.InvariantCulture), rules[i].Descriptor.Id);
            Assert.Equal(rules[i].BufRuleId + ": {0}", rules[i].Descriptor.MessageFormat.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(DiagnosticSeverity.Error, rules[i].Descriptor.DefaultSeverity);
        }
    }

    [Fact]
    public void The_analyzer_supports_every_proto_contract_id_once()
    {
        var ids = typeof(DiagnosticIds).GetFields()
            .Select(field => (string)field.GetRawConstantValue()!)
            .Where(id => id.StartsWith("CTR2", StringComparison.Ordinal))
            .OrderBy(id => id, StringComparer.Ordinal);
        Assert.Equal(ids, s_descriptors.Select(d => d.Id).OrderBy(id => id, StringComparer.Ordinal));
    }

    [Fact]
    public void Each_id_has_a_doc_page_a_help_link_and_a_readme_row()
    {
        var docs = Path.Combine(RepositoryRoot(), "docs", "diagnostics");
        var readme = File.ReadAllText(Path.Combine(docs, "README.md"));
        foreach (var descriptor in s_descriptors)
        {
            var page = Path.Combine(docs, descriptor.Id + ".md");
            Assert.True(File.Exists(page), $"{descriptor.Id} has no page docs/diagnostics/{descriptor.Id}.md");
            Assert.StartsWith($"# {descriptor.Id}: {descriptor.Title}", File.ReadAllText(page), StringComparison.Ordinal);
            Assert.EndsWith($"/docs/diagnostics/{descriptor.Id}.md", descriptor.HelpLinkUri, StringComparison.Ordinal);
            Assert.Contains($"| [{descriptor.Id}]({descriptor.Id}.md) | {descriptor.Title} | {descriptor.DefaultSeverity} |", readme, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Each_rule_page_names_its_buf_rule()
    {
        var docs = Path.Combine(RepositoryRoot(), "docs", "diagnostics");
        foreach (var rule in DiagnosticDescriptors.ProtoBreakingRules)
        {
            Assert.Contains($"| buf rule | `{rule.BufRuleId}` |", File.ReadAllText(Path.Combine(docs, rule.Descriptor.Id + ".md")), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Each_id_has_a_release_tracking_row()
    {
        var rows = File.ReadAllLines(Path.Combine(RepositoryRoot(), "src", "Contrail.Analyzers", "AnalyzerReleases.Unshipped.md"))
            .Where(line => line.StartsWith("CTR2", StringComparison.Ordinal))
            .ToArray();
        foreach (var descriptor in s_descriptors)
        {
            Assert.Contains($"{descriptor.Id} | {descriptor.Category} | {descriptor.DefaultSeverity} | {descriptor.Title}", rows);
        }

        Assert.Equal(s_descriptors.Length, rows.Length);
    }

    private static string RepositoryRoot([CallerFilePath] string path = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, "..", "..", ".."));
}
