namespace MLOps.Core.Requirements;

/// <summary>
/// What a metric means for a gate: the tasks it applies to, which way is better and the thresholds that are
/// meaningful. One table, so the validator, the gates and the design document cannot disagree.
/// </summary>
public sealed record MetricProfile(
    AcceptanceMetric Metric,
    GateDirection Direction,
    double Lowest,
    double Highest,
    bool LowestExclusive,
    bool ForClassification,
    bool ForRegression,
    bool BinaryOnly = false)
{
    // AUC below 0.5 is worse than a coin and is the same ranking reversed, so a gate there means nothing.
    // Error metrics (RMSE, MAE, log loss) are > 0: a zero-error gate is unattainable on real data.
    private static readonly Dictionary<AcceptanceMetric, MetricProfile> Profiles = new MetricProfile[]
    {
        new(AcceptanceMetric.Auc, GateDirection.AtLeast, 0.5, 1, false, true, false),

        // Average precision starts at the positive share (a random ranking), which only the data knows; any value in [0, 1].
        new(AcceptanceMetric.PrAuc, GateDirection.AtLeast, 0, 1, false, true, false, BinaryOnly: true),
        new(AcceptanceMetric.Accuracy, GateDirection.AtLeast, 0, 1, false, true, false),
        new(AcceptanceMetric.F1, GateDirection.AtLeast, 0, 1, false, true, false),
        new(AcceptanceMetric.Precision, GateDirection.AtLeast, 0, 1, false, true, false),
        new(AcceptanceMetric.Recall, GateDirection.AtLeast, 0, 1, false, true, false),
        new(AcceptanceMetric.LogLoss, GateDirection.AtMost, 0, double.PositiveInfinity, true, true, false),
        new(AcceptanceMetric.Rmse, GateDirection.AtMost, 0, double.PositiveInfinity, true, false, true),
        new(AcceptanceMetric.Mae, GateDirection.AtMost, 0, double.PositiveInfinity, true, false, true),
        new(AcceptanceMetric.R2, GateDirection.AtLeast, 0, 1, false, false, true),
    }.ToDictionary(p => p.Metric);

    public static MetricProfile Of(AcceptanceMetric metric) => Profiles[metric];

    public bool AppliesTo(ModelTask task) =>
        task == ModelTask.Regression ? this.ForRegression : this.ForClassification && (!this.BinaryOnly || task == ModelTask.BinaryClassification);

    public bool InRange(double threshold) =>
        double.IsFinite(threshold)
        && (this.LowestExclusive ? threshold > this.Lowest : threshold >= this.Lowest)
        && threshold <= this.Highest;

    public string RangeText =>
        $"{(this.LowestExclusive ? "(" : "[")}{this.Lowest}, {(double.IsPositiveInfinity(this.Highest) ? "∞)" : this.Highest + "]")}";
}
