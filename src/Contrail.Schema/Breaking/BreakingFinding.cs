namespace Contrail.Schema.Breaking;

/// <summary>One breaking change between a baseline and the current schema.</summary>
/// <param name="RuleId">buf's rule ID, e.g. <c>FIELD_SAME_TYPE</c>.</param>
/// <param name="Message">buf's message for the change, e.g. <c>Field "1" on message "Order" changed type from "string" to "int32".</c></param>
/// <param name="Location">Where the change is in the current schema (for a deletion, the nearest surviving parent).</param>
/// <param name="BaselineLocation">Where the changed element was in the baseline, when that helps the reader; otherwise null.</param>
public sealed record BreakingFinding(string RuleId, string Message, SourcePosition Location, SourcePosition? BaselineLocation);
