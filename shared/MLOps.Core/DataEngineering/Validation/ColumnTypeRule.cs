using MLOps.Core.DataEngineering.Profiling;

namespace MLOps.Core.DataEngineering.Validation;

/// <summary>
/// The column's inferred type must satisfy <see cref="Expected"/>: integers satisfy Real; Boolean and integer codes
/// satisfy Categorical; an Integer column satisfies Boolean when every value is a Boolean spelling (0/1); anything
/// satisfies Text; an all-missing column satisfies any type (missingness has its own rule). Every value is also
/// tested one by one, so the offending rows are named.
/// </summary>
public sealed record ColumnTypeRule(string Id, string Column, ColumnType Expected, RuleSeverity Severity = RuleSeverity.Hard, string? Name = null)
    : DataRule(Id, Severity, Name)
{
    internal override string Kind => "column type";

    internal override string? TargetColumn => this.Column;

    internal override Func<string, bool>? CreateOffenceTest() => value => !MissingValues.IsMissing(value) && !this.Parses(value);

    internal override RuleVerdict Judge(DatasetProfile profile, ColumnProfile? column, long offendingRows)
    {
        ColumnType observed = column?.Type ?? ColumnType.Empty;
        bool satisfied = observed == this.Expected
            || observed == ColumnType.Empty
            || this.Expected == ColumnType.Text
            || (this.Expected == ColumnType.Real && observed == ColumnType.Integer)
            || (this.Expected == ColumnType.Categorical && observed is ColumnType.Boolean or ColumnType.Integer)
            || (this.Expected == ColumnType.Boolean && observed == ColumnType.Integer);
        return new RuleVerdict(satisfied && offendingRows == 0, this.Expected.ToString(), observed.ToString());
    }

    private bool Parses(string value) => this.Expected switch
    {
        ColumnType.Boolean => ValueParsing.IsBoolean(value),
        ColumnType.Integer => ValueParsing.IsInteger(value),
        ColumnType.Real => ValueParsing.TryReal(value, out _),
        ColumnType.DateTime => ValueParsing.TryDateTime(value, out _),
        _ => true,
    };
}
