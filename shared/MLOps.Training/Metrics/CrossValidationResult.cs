namespace MLOps.Training.Metrics;

/// <summary>Per-fold metrics with their mean and sample standard deviation (n − 1), by metric name.</summary>
public sealed record CrossValidationResult(
    IReadOnlyList<ModelMetrics> Folds,
    IReadOnlyDictionary<string, double> Mean,
    IReadOnlyDictionary<string, double> StandardDeviation)
{
    public static CrossValidationResult From(IReadOnlyList<ModelMetrics> folds)
    {
        var mean = new Dictionary<string, double>(StringComparer.Ordinal);
        var std = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (string name in folds.SelectMany(f => f.ToDictionary().Keys).Distinct(StringComparer.Ordinal))
        {
            double[] values = folds.Select(f => f.ToDictionary().TryGetValue(name, out double v) ? v : double.NaN).ToArray();
            double m = values.Average();
            mean[name] = m;
            std[name] = values.Length > 1 ? Math.Sqrt(values.Sum(v => (v - m) * (v - m)) / (values.Length - 1)) : 0;
        }

        return new CrossValidationResult(folds, mean, std);
    }
}
