namespace MLOps.Core.DataEngineering.Profiling;

/// <summary>
/// The finished profile of one column. <see cref="Count"/> is the number of non-missing values, so rows are
/// Count + Missing. Numeric statistics are present for Integer and Real columns only; Earliest/Latest for
/// DateTime columns. <see cref="Distinct"/> counts raw texts and is a lower bound when
/// <see cref="DistinctIsLowerBound"/>; TopValues is most frequent first, ties by ordinal value.
/// </summary>
public sealed record ColumnProfile(
    string Name,
    ColumnType Type,
    long Count,
    long Missing,
    long Distinct,
    bool DistinctIsLowerBound,
    double? Min,
    double? Max,
    double? Mean,
    double? StandardDeviation,
    QuantileSummary? Quantiles,
    IReadOnlyList<HistogramBin> Histogram,
    IReadOnlyList<ValueCount> TopValues,
    DateTime? Earliest,
    DateTime? Latest)
{
    public long Rows => this.Count + this.Missing;

    public double MissingShare => this.Rows == 0 ? 0 : (double)this.Missing / this.Rows;

    public bool IsNumeric => this.Type is ColumnType.Integer or ColumnType.Real;
}
