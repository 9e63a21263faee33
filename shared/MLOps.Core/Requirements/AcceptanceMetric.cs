namespace MLOps.Core.Requirements;

/// <summary>The metric the acceptance gate is evaluated on; see <see cref="MetricProfile"/> for each metric's range.</summary>
public enum AcceptanceMetric
{
    Auc,
    Accuracy,
    F1,
    Precision,
    Recall,
    LogLoss,
    Rmse,
    Mae,
    R2,
}
