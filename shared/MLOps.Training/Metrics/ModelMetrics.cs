using MLOps.Core.Requirements;

namespace MLOps.Training.Metrics;

/// <summary>
/// One evaluation. Classification fills the classification fields (binary AUC and PR-AUC; multiclass precision, recall and F1 are
/// macro averages and AUC is left out), regression fills RMSE, MAE and R². The confusion matrix is indexed
/// [actual][predicted] in class order (binary: negative, positive), as scikit-learn prints it.
/// </summary>
public sealed record ModelMetrics
{
    public required ModelTask Task { get; init; }

    public required int Rows { get; init; }

    public double? Auc { get; init; }

    /// <summary>Binary only: area under the precision-recall curve as average precision (scikit-learn's definition).</summary>
    public double? PrAuc { get; init; }

    public double? Accuracy { get; init; }

    public double? Precision { get; init; }

    public double? Recall { get; init; }

    public double? F1 { get; init; }

    public double? LogLoss { get; init; }

    public IReadOnlyList<IReadOnlyList<long>>? ConfusionMatrix { get; init; }

    public double? Rmse { get; init; }

    public double? Mae { get; init; }

    public double? RSquared { get; init; }

    /// <summary>The scalar metrics by name, for averaging across folds and logging to a tracking server.</summary>
    public IReadOnlyDictionary<string, double> ToDictionary()
    {
        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        Add(values, nameof(this.Auc), this.Auc);
        Add(values, nameof(this.PrAuc), this.PrAuc);
        Add(values, nameof(this.Accuracy), this.Accuracy);
        Add(values, nameof(this.Precision), this.Precision);
        Add(values, nameof(this.Recall), this.Recall);
        Add(values, nameof(this.F1), this.F1);
        Add(values, nameof(this.LogLoss), this.LogLoss);
        Add(values, nameof(this.Rmse), this.Rmse);
        Add(values, nameof(this.Mae), this.Mae);
        Add(values, nameof(this.RSquared), this.RSquared);
        return values;
    }

    private static void Add(Dictionary<string, double> values, string name, double? value)
    {
        if (value is { } v)
        {
            values[name] = v;
        }
    }
}
