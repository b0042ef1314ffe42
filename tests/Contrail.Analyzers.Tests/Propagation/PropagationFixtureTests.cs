using System;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using Xunit;

namespace Contrail.Analyzers.Tests.Propagation;

/// <summary>
/// The fixture service that shows each rule firing: every line marked <c>// expect CTR100x</c> gets
/// exactly that diagnostic, and no other line gets one.
/// </summary>
public sealed class PropagationFixtureTests
{
    [Fact]
    public void Each_rule_fires_on_its_marked_line_of_the_fixture()
    {
        var source = File.ReadAllText(FixturePath("PropagationMistakes.cs.txt"));
        var lines = source.Split('\n');
        var expected = lines
            .Select((line, index) => (Line: index, Marker: line.IndexOf("// expect ", StringComparison.Ordinal), Text: line))
            .Where(l => l.Marker >= 0)
            .Select(l => $"{l.Line + 1}: {l.Text.Substring(l.Marker + "// expect ".Length).Trim()}")
            .ToArray();

        var compilation = PropagationTestCompilation.Create(new[] { source, PropagationTestCompilation.Repository });
        var actual = PropagationTestCompilation.Analyze(compilation)
            .Select(d => $"{d.Location.GetLineSpan().StartLinePosition.Line + 1}: {d.Id}")
            .ToArray();

        Assert.Equal(expected, actual);
        foreach (var id in new[] { "CTR1001", "CTR1002", "CTR1003", "CTR1004", "CTR1005" })
        {
            Assert.Contains(actual, a => a.EndsWith(id, StringComparison.Ordinal));
        }
    }

    private static string FixturePath(string name, [CallerFilePath] string path = "") =>
        Path.Combine(Path.GetDirectoryName(path)!, "Fixtures", name);
}
