namespace Contrail.Schema.Breaking;

/// <summary>
/// One buf rule as code: its ID and the method that checks it on one kind of element pair.
/// <see cref="BreakingRuleTable"/> lists one unit per rule of <see cref="BreakingRules"/>.
/// </summary>
internal abstract class BreakingRuleUnit
{
    private protected BreakingRuleUnit(string ruleId) => RuleId = ruleId;

    /// <summary>buf's rule ID, as in <see cref="BreakingRules.All"/>.</summary>
    public string RuleId { get; }

    /// <summary>The name of the method that checks the rule.</summary>
    public abstract string MethodName { get; }
}

/// <summary>A rule checked on each pair of one kind (<see cref="FilePair"/>, <see cref="FieldPair"/>, ...).</summary>
/// <typeparam name="TPair">The pair the rule compares.</typeparam>
internal sealed class BreakingRuleUnit<TPair> : BreakingRuleUnit
{
    public BreakingRuleUnit(string ruleId, PairRule<TPair> check)
        : base(ruleId)
    {
        Check = check;
    }

    /// <summary>The rule's method.</summary>
    public PairRule<TPair> Check { get; }

    /// <inheritdoc/>
    public override string MethodName => Check.Method.Name;
}
