using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using Contrail.Analyzers.Diagnostics;
using Contrail.Analyzers.Propagation;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Contrail.Analyzers.Tests.Propagation;

/// <summary>Every CTR1xxx ID has its descriptor, doc page, help link, README row and release-tracking row.</summary>
public sealed class PropagationCatalogueTests
{
    private static readonly string[] s_ids = typeof(DiagnosticIds)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (string)f.GetRawConstantValue()!)
        .Where(id => id.StartsWith("CTR1", StringComparison.Ordinal))
        .OrderBy(id => id, StringComparer.Ordinal)
        .ToArray();

    private static readonly DiagnosticDescriptor[] s_descriptors = typeof(DiagnosticDescriptors)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
        .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
        .Where(d => d.Id.StartsWith("CTR1", StringComparison.Ordinal))
        .OrderBy(d => d.Id, StringComparer.Ordinal)
        .ToArray();

    [Fact]
    public void Each_id_has_one_descriptor_reported_by_the_analyzer()
    {
        Assert.Equal(new[] { "CTR1001", "CTR1002", "CTR1003", "CTR1004", "CTR1005" }, s_ids);
        Assert.Equal(s_ids, s_descriptors.Select(d => d.Id));
        Assert.Equal(s_ids, new ContextPropagationAnalyzer().SupportedDiagnostics.Select(d => d.Id).OrderBy(id => id, StringComparer.Ordinal));
        Assert.All(s_descriptors, d => Assert.Equal(DiagnosticDescriptors.PropagationCategory, d.Category));
    }

    [Fact]
    public void Default_severities_are_the_documented_ones()
    {
        Assert.Equal(
            new[] { DiagnosticSeverity.Warning, DiagnosticSeverity.Warning, DiagnosticSeverity.Info, DiagnosticSeverity.Warning, DiagnosticSeverity.Warning },
            s_descriptors.Select(d => d.DefaultSeverity));
    }

    [Fact]
    public void Each_id_has_a_doc_page_a_help_link_and_a_readme_row()
    {
        var docs = Path.Combine(RepositoryRoot(), "docs", "diagnostics");
        var readme = File.ReadAllText(Path.Combine(docs, "README.md"));
        var guide = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "context-propagation.md"));
        foreach (var descriptor in s_descriptors)
        {
            var page = Path.Combine(docs, descriptor.Id + ".md");
            Assert.True(File.Exists(page), $"{descriptor.Id} has no page docs/diagnostics/{descriptor.Id}.md");
            var text = File.ReadAllText(page);
            Assert.StartsWith($"# {descriptor.Id}: {descriptor.Title}", text);
            Assert.Contains($"| Default severity | {(descriptor.DefaultSeverity == DiagnosticSeverity.Info ? "Info" : descriptor.DefaultSeverity.ToString())} |", text);
            foreach (var section in new[] { "## Why it matters", "## Non-compliant code", "## Compliant code", "## Configuration" })
            {
                Assert.Contains(section, text);
            }

            Assert.EndsWith($"/docs/diagnostics/{descriptor.Id}.md", descriptor.HelpLinkUri);
            Assert.Contains($"| [{descriptor.Id}]({descriptor.Id}.md) | {descriptor.Title} | {descriptor.DefaultSeverity} |", readme);
            Assert.Contains(descriptor.Id, guide);
        }

        Assert.Contains(PropagationOptions.ClientFactoryPropagationKey, guide);
        Assert.Contains(PropagationOptions.ClientFactoryPropagationKey, File.ReadAllText(Path.Combine(docs, "CTR1002.md")));
    }

    [Fact]
    public void Each_id_has_a_release_tracking_row()
    {
        var rows = File.ReadAllLines(Path.Combine(RepositoryRoot(), "src", "Contrail.Analyzers", "AnalyzerReleases.Unshipped.md"))
            .Where(line => line.StartsWith("CTR1", StringComparison.Ordinal))
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
