using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using Contrail.Generators.Diagnostics;
using Contrail.Generators.Errors;
using Contrail.Generators.Metrics;
using Contrail.Generators.TracedServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace Contrail.Generators.Tests;

/// <summary>Every diagnostic ID has its descriptor, doc page, help link and release-tracking row.</summary>
public sealed class DiagnosticCatalogueTests
{
    private static readonly string[] s_ids = typeof(DiagnosticIds)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (string)f.GetRawConstantValue()!)
        .OrderBy(id => id, System.StringComparer.Ordinal)
        .ToArray();

    private static readonly DiagnosticDescriptor[] s_descriptors = typeof(DiagnosticDescriptors)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
        .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
        .ToArray();

    [Fact]
    public void Each_id_has_one_descriptor_reported_by_an_analyzer()
    {
        Assert.Equal(s_ids, s_descriptors.Select(d => d.Id).OrderBy(id => id, System.StringComparer.Ordinal));
        var analyzers = new DiagnosticAnalyzer[] { new TracedServiceAnalyzer(), new ErrorCatalogAnalyzer(), new MetricsAnalyzer() };
        Assert.Equal(s_ids, analyzers.SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).OrderBy(id => id, System.StringComparer.Ordinal));
    }

    [Fact]
    public void Each_id_has_a_doc_page_and_a_help_link_to_it()
    {
        var docs = Path.Combine(RepositoryRoot(), "docs", "diagnostics");
        foreach (var descriptor in s_descriptors)
        {
            var page = Path.Combine(docs, descriptor.Id + ".md");
            Assert.True(File.Exists(page), $"{descriptor.Id} has no page docs/diagnostics/{descriptor.Id}.md");
            Assert.StartsWith($"# {descriptor.Id}: {descriptor.Title}", File.ReadAllText(page));
            Assert.EndsWith($"/docs/diagnostics/{descriptor.Id}.md", descriptor.HelpLinkUri);
            Assert.Contains($"[{descriptor.Id}]({descriptor.Id}.md)", File.ReadAllText(Path.Combine(docs, "README.md")));
        }
    }

    [Fact]
    public void Each_id_has_a_release_tracking_row()
    {
        var rows = File.ReadAllLines(Path.Combine(RepositoryRoot(), "src", "Contrail.Generators", "AnalyzerReleases.Unshipped.md"))
            .Where(line => line.StartsWith("CTR", System.StringComparison.Ordinal))
            .ToArray();
        foreach (var descriptor in s_descriptors)
        {
            Assert.Contains($"{descriptor.Id} | {descriptor.Category} | {descriptor.DefaultSeverity} | {descriptor.Title}", rows);
        }

        Assert.Equal(s_descriptors.Length, rows.Length);
    }

    private static string RepositoryRoot([CallerFilePath] string path = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, "..", ".."));
}
