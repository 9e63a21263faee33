using MLOps.Core.DataEngineering.Profiling;

namespace MLOps.Core.DataEngineering.Validation;

/// <summary>
/// No non-missing value may repeat; the second and later occurrences are the offending rows. Remembers every
/// value seen, so memory grows with the distinct values of the column — meant for key columns.
/// </summary>
public sealed record UniqueRule(string Id, string Column, RuleSeverity Severity = RuleSeverity.Hard, string? Name = null)
    : DataRule(Id, Severity, Name)
{
    internal override string Kind => "unique";

    internal override string? TargetColumn => this.Column;

    internal override Func<string, bool>? CreateOffenceTest()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return value => !MissingValues.IsMissing(value) && !seen.Add(value);
    }

    internal override RuleVerdict Judge(DatasetProfile profile, ColumnProfile? column, long offendingRows) => new(
        offendingRows == 0,
        "no repeated values",
        $"{offendingRows} repeated values; {(column?.DistinctIsLowerBound == true ? "at least " : string.Empty)}{column?.Distinct ?? 0} distinct of {column?.Count ?? 0}");
}
