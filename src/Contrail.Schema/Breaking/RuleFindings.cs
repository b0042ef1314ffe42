using System.Collections.Generic;
using Google.Protobuf.Reflection;

namespace Contrail.Schema.Breaking;

/// <summary>The findings of one rule in one run: turns sites into buf's positions and records them under the rule's ID.</summary>
internal sealed class RuleFindings
{
    private readonly List<BreakingFinding> _findings;

    public RuleFindings(string ruleId, List<BreakingFinding> findings)
    {
        RuleId = ruleId;
        _findings = findings;
    }

    /// <summary>The ID every finding added here carries.</summary>
    public string RuleId { get; }

    /// <summary>Records a finding at <paramref name="at"/> in the current image, and at <paramref name="was"/> in the baseline when that has a span.</summary>
    public void Add(FindingSite at, FindingSite was, string message)
    {
        var file = at.File;
        var location = file?.Location(at.Path);
        SourcePosition position;
        if (location is not null)
        {
            position = ToPosition(at.FilePath, location);
        }
        else if (file is not null && file.Proto.SourceCodeInfo is null)
        {
            // An image built without source info has no positions at all: say "unknown" rather than line 1.
            position = new SourcePosition(at.FilePath, 0, 0, 0, 0);
        }
        else
        {
            // buf places an element without a span of its own (a deleted one, an option that was removed) at the file's start.
            position = new SourcePosition(at.FilePath, 1, 1, 1, 1);
        }

        SourcePosition? baseline = null;
        if (was.File is not null && was.Path is not null)
        {
            var againstLocation = was.File.Location(was.Path);
            if (againstLocation is not null)
            {
                baseline = ToPosition(was.File.Path, againstLocation);
            }
        }

        _findings.Add(new BreakingFinding(RuleId, message, position, baseline));
    }

    private static SourcePosition ToPosition(string path, SourceCodeInfo.Types.Location location)
    {
        var span = location.Span;
        if (span.Count == 3)
        {
            return new SourcePosition(path, span[0] + 1, span[1] + 1, span[0] + 1, span[2] + 1);
        }

        if (span.Count >= 4)
        {
            return new SourcePosition(path, span[0] + 1, span[1] + 1, span[2] + 1, span[3] + 1);
        }

        return new SourcePosition(path, 1, 1, 1, 1);
    }
}
