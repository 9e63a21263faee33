namespace MLOps.Core.Requirements;

/// <summary>
/// How strongly one source column alone predicts the target: <c>AUC</c> is max(AUC, 1 − AUC) (one-vs-rest
/// maximum for multiclass), <c>|r|</c> the absolute Pearson correlation; IV only for binary targets.
/// </summary>
public sealed record ColumnSignal(string Column, string Statistic, double Value, int Rows)
{
    public double? InformationValue { get; init; }
}
