using System.Collections.Generic;
using System.Linq;
using Contrail.Analyzers.Propagation;
using Xunit;

namespace Contrail.Analyzers.Tests.Propagation;

/// <summary>Runs every corpus case: exactly the marked diagnostics, with their messages, and nothing else.</summary>
public sealed class PropagationCorpusTests
{
    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var @case in PropagationCorpus.All)
        {
            data.Add(@case.Name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Case(string name)
    {
        var @case = PropagationCorpus.Get(name);
        var options = @case.ClientFactoryPropagation
            ? new Dictionary<string, string> { [PropagationOptions.ClientFactoryPropagationKey] = "true" }
            : null;
        PropagationTestCompilation.Verify(@case.MarkedSource, @case.Messages, options);
    }

    [Fact]
    public void Corpus_is_large_and_mostly_guards_against_false_positives()
    {
        Assert.True(PropagationCorpus.All.Count >= 100, $"{PropagationCorpus.All.Count} cases");
        Assert.True(PropagationCorpus.All.Count(c => c.MustNotReport) >= 50, $"{PropagationCorpus.All.Count(c => c.MustNotReport)} must-not-report cases");
        Assert.Equal(PropagationCorpus.All.Count, PropagationCorpus.All.Select(c => c.Name).Distinct().Count());
        foreach (var id in new[] { "CTR1001", "CTR1002", "CTR1003", "CTR1004", "CTR1005" })
        {
            Assert.Contains(PropagationCorpus.All, c => c.Source.Contains("{|" + id + ":", System.StringComparison.Ordinal));
        }
    }
}
