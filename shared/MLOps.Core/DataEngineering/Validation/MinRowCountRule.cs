using MLOps.Core.DataEngineering.Profiling;

namespace MLOps.Core.DataEngineering.Validation;

/// <summary>The dataset must have at least <see cref="MinRows"/> data rows.</summary>
public sealed record MinRowCountRule(string Id, long MinRows, RuleSeverity Severity = RuleSeverity.Hard, string? Name = null)
    : DataRule(Id, Severity, Name)
{
    internal override string Kind => "minimum row count";

    internal override RuleVerdict Judge(DatasetProfile profile, ColumnProfile? column, long offendingRows) =>
        new(profile.Rows >= this.MinRows, $"at least {this.MinRows} rows", $"{profile.Rows} rows");
}
