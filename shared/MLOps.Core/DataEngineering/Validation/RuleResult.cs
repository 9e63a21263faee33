namespace MLOps.Core.DataEngineering.Validation;

/// <summary>The outcome of one rule, with the first offending rows as evidence.</summary>
public sealed record RuleResult(
    string RuleId,
    string Name,
    string Kind,
    RuleSeverity Severity,
    string? Column,
    bool Passed,
    string Expected,
    string Observed,
    long OffendingRows,
    IReadOnlyList<OffendingRow> Sample);
