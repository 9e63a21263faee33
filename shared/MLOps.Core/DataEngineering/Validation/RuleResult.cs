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
    IReadOnlyList<OffendingRow> Sample)
{
    /// <summary>The rule's column is not in the data at all.</summary>
    public bool ColumnMissing { get; init; }

    /// <summary>One line naming the rule, what it expected, what was found and sample records, for run output and reviews.</summary>
    public string Describe()
    {
        string rows = this.Sample.Count == 0 ? string.Empty : $"; e.g. record(s) {string.Join(", ", this.Sample.Select(s => s.RecordNumber))}";
        return $"{this.RuleId} ({this.Name}): expected {this.Expected}, observed {this.Observed}{rows}";
    }
}
