using MLOps.Core.Requirements;

namespace MLOps.Core.Integration.Quality;

/// <summary>
/// MLflow's model validation (<c>mlflow.models.evaluation.validation._validate</c>, used by
/// <c>mlflow.validate_evaluation_results</c> and the older <c>mlflow.evaluate(validation_thresholds=…)</c>), rule for rule:
/// <list type="bullet">
/// <item>threshold: the candidate must be ≥ it (greater is better) or ≤ it;</item>
/// <item>min_absolute_change: candidate ≥ baseline + change (or ≤ baseline − change), the sum in double precision as
/// MLflow computes it before its exact Decimal comparison, so 0.85 does not clear 0.8 + 0.05 = 0.8500000000000001;</item>
/// <item>min_relative_change: (candidate − baseline) / baseline (or (baseline − candidate) / baseline) must not be
/// below the change; a baseline of exactly 0 falls back to "better by 1e-10", as MLflow documents;</item>
/// <item>a metric missing from the candidate fails alone; one missing from the baseline fails the comparison while the
/// threshold is still judged.</item>
/// </list>
/// Three deliberate differences, each where MLflow has no usable behaviour: NaN counts as missing (the platform's
/// meaning of NaN; MLflow's Decimal comparison raises on it); the relative change divides by |baseline|, because
/// MLflow's signed division turns an improvement over a negative baseline (an R² below 0) into a failure; and a
/// metric missing from a baseline with <c>min_relative_change = 0</c> reports the missing baseline, where MLflow's
/// truthiness test lets it through to a TypeError. Without any baseline (<c>baseline</c> null) the change rules are
/// not applied (MLflow's documented "compared against the threshold values directly").
/// </summary>
public static class MetricValidation
{
    /// <summary>MLflow's fallback margin for a relative change over a zero baseline.</summary>
    public const double ZeroBaselineMargin = 1e-10;

    /// <exception cref="ArgumentException">A threshold breaks MLflow's constructor rules (see <see cref="MetricThreshold.Problems"/>).</exception>
    public static IReadOnlyList<MetricValidationResult> Validate(
        IReadOnlyDictionary<string, MetricThreshold> thresholds,
        IReadOnlyDictionary<string, double> candidate,
        IReadOnlyDictionary<string, double>? baseline)
    {
        ArgumentNullException.ThrowIfNull(thresholds);
        ArgumentNullException.ThrowIfNull(candidate);
        foreach ((string metric, MetricThreshold threshold) in thresholds)
        {
            if (threshold.Problems() is { Count: > 0 } problems)
            {
                throw new ArgumentException($"Could not instantiate MetricThreshold class for '{metric}': {string.Join(" ", problems)}", nameof(thresholds));
            }
        }

        return [.. thresholds.Select(t => ValidateOne(t.Key, t.Value, candidate, baseline))];
    }

    private static MetricValidationResult ValidateOne(
        string metric, MetricThreshold threshold, IReadOnlyDictionary<string, double> candidates, IReadOnlyDictionary<string, double>? baselines)
    {
        double? c = Value(candidates, metric);
        double? b = baselines is null ? null : Value(baselines, metric);
        var result = new MetricValidationResult(metric, c, b, threshold, BaselineAbsent: baselines is null);
        if (c is not { } candidate)
        {
            return result with { MissingCandidate = true };
        }

        GateDirection direction = threshold.Direction;
        if (threshold.Threshold is { } value)
        {
            result = result with { ThresholdFailed = !direction.Holds(candidate, value) };
        }

        bool comparing = threshold.MinAbsoluteChange is not null || threshold.MinRelativeChange is not null;
        if (!comparing || baselines is null)
        {
            return result;
        }

        if (b is not { } baseline)
        {
            return result with { MissingBaseline = true };
        }

        if (threshold.MinAbsoluteChange is { } absolute)
        {
            double required = threshold.GreaterIsBetter ? baseline + absolute : baseline - absolute;
            result = result with { MinAbsoluteChangeFailed = !direction.Holds(candidate, required) };
        }

        if (threshold.MinRelativeChange is { } relative)
        {
            if (baseline == 0)
            {
                double required = threshold.GreaterIsBetter ? baseline + ZeroBaselineMargin : baseline - ZeroBaselineMargin;
                return result with { MinRelativeChangeFailed = !direction.Holds(candidate, required) };
            }

            double change = (threshold.GreaterIsBetter ? candidate - baseline : baseline - candidate) / Math.Abs(baseline);
            result = result with { MinRelativeChangeFailed = change < relative };
        }

        return result;
    }

    private static double? Value(IReadOnlyDictionary<string, double> metrics, string metric) =>
        metrics.TryGetValue(metric, out double value) && !double.IsNaN(value) ? value : null;
}
