using System;
using System.Collections.Generic;

namespace Contrail.Schema.Breaking;

/// <summary>Compares a current schema with a baseline using buf's breaking rules.</summary>
public static class BreakingChecker
{
    /// <summary>
    /// Every breaking change from <paramref name="against"/> to <paramref name="current"/> that the rules
    /// selected by <paramref name="options"/> find, in buf's order (path, line, column, rule ID, message).
    /// Only the current image's own files (not imports) are checked, and files deleted from the baseline's own files.
    /// </summary>
    public static IReadOnlyList<BreakingFinding> Check(SchemaImage current, SchemaImage against, BreakingOptions options)
    {
        // SKELETON: the engine replaces this body.
        throw new NotImplementedException("The breaking-change engine is not written yet.");
    }
}
