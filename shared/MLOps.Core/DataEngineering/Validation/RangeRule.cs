using MLOps.Core.DataEngineering.Profiling;

namespace MLOps.Core.DataEngineering.Validation;

/// <summary>Every non-missing value must be a number within [Min, Max] (either bound optional).</summary>
public sealed record RangeRule(string Id, string Column, double? Min, double? Max, RuleSeverity Severity = RuleSeverity.Hard, string? Name = null)
    : DataRule(Id, Severity, Name)
{
    internal override string Kind => "range";

    internal override string? TargetColumn => this.Column;

    internal override Func<string, bool>? CreateOffenceTest() =>
        value => !MissingValues.IsMissing(value) && !(ValueParsing.TryReal(value, out double x) && this.Contains(x));

    /// <summary>The nearest in-range value, for cleaning by clipping.</summary>
    public double Clip(double value) => Math.Min(this.Max ?? double.MaxValue, Math.Max(this.Min ?? double.MinValue, value));

    public bool Contains(double value) => value >= (this.Min ?? double.MinValue) && value <= (this.Max ?? double.MaxValue);

    internal override RuleVerdict Judge(DatasetProfile profile, ColumnProfile? column, long offendingRows)
    {
        string expected = (this.Min, this.Max) switch
        {
            ({ } lo, { } hi) => $"between {ValueParsing.Format(lo)} and {ValueParsing.Format(hi)}",
            ({ } lo, null) => $"at least {ValueParsing.Format(lo)}",
            (null, { } hi) => $"at most {ValueParsing.Format(hi)}",
            _ => "a number",
        };
        string observed = column is { Min: { } min, Max: { } max }
            ? $"min {ValueParsing.Format(min)}, max {ValueParsing.Format(max)}; {offendingRows} rows outside"
            : $"{column?.Type ?? ColumnType.Empty} column; {offendingRows} rows not numbers in range";
        return new RuleVerdict(offendingRows == 0, expected, observed);
    }
}
