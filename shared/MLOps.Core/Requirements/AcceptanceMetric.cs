namespace MLOps.Core.Requirements;

/// <summary>The metric the acceptance gate is evaluated on; see <see cref="MetricProfile"/> for each metric's range.</summary>
public enum AcceptanceMetric
{
    Auc,

    /// <summary>Binary classification: area under the precision-recall curve (average precision); honest where positives are rare.</summary>
    PrAuc,
    Accuracy,
    F1,
    Precision,
    Recall,
    LogLoss,
    Rmse,
    Mae,
    R2,
}
