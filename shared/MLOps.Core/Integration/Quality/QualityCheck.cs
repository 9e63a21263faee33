using System.Globalization;
using MLOps.Core.Requirements;

namespace MLOps.Core.Integration.Quality;

/// <summary>
/// The package's model quality on the holdout: the spec's acceptance gate (judged by
/// <see cref="AcceptanceGate.IsMetBy"/>, the rule the experiment applied when it trained the model), and the
/// challenger against the serving champion with MLflow's change rules (<see cref="MetricValidation"/>).
/// </summary>
public static class QualityCheck
{
    /// <param name="candidate">The package's holdout value of the gate's metric; null or NaN when it was not measured.</param>
    public static CheckResult Acceptance(AcceptanceGate gate, double? candidate)
    {
        ArgumentNullException.ThrowIfNull(gate);
        string unit = gate.Metric.ToString();
        if (candidate is not { } value || double.IsNaN(value))
        {
            return new CheckResult
            {
                Check = CheckNames.Acceptance,
                Passed = false,
                Figure = double.NaN,
                Bound = gate.Threshold,
                Comparison = gate.Direction,
                Unit = unit,
                Detail = $"The package's {gate.Metric} was not measured, so the gate {gate} cannot be met.",
            };
        }

        bool met = gate.IsMetBy(value);
        return new CheckResult
        {
            Check = CheckNames.Acceptance,
            Passed = met,
            Figure = value,
            Bound = gate.Threshold,
            Comparison = gate.Direction,
            Unit = unit,
            Detail = string.Create(CultureInfo.InvariantCulture, $"Holdout {gate.Metric} {value:G6} {(met ? "meets" : "misses")} the gate {gate}."),
        };
    }

    /// <summary>
    /// The challenger (<paramref name="candidate"/>) against the champion's metrics on the same holdout. Null
    /// <paramref name="champion"/> means no champion serves yet: not judged. The bound shown is the value the
    /// challenger had to reach under the strictest configured rule; the verdict is MLflow's.
    /// </summary>
    public static CheckResult Champion(
        AcceptanceGate gate,
        string metricKey,
        IReadOnlyDictionary<string, double> candidate,
        IReadOnlyDictionary<string, double>? champion,
        double? minAbsoluteChange,
        double? minRelativeChange)
    {
        ArgumentNullException.ThrowIfNull(gate);
        ArgumentException.ThrowIfNullOrWhiteSpace(metricKey);
        ArgumentNullException.ThrowIfNull(candidate);
        string unit = gate.Metric.ToString();
        if (minAbsoluteChange is null && minRelativeChange is null)
        {
            return CheckResult.NotJudged(CheckNames.Champion, double.NaN, gate.Direction, unit, "No change rule is configured for the champion comparison.");
        }

        if (champion is null)
        {
            return CheckResult.NotJudged(CheckNames.Champion, double.NaN, gate.Direction, unit, "No champion serves this project yet, so there is nothing to compare against.");
        }

        var threshold = new MetricThreshold { MinAbsoluteChange = minAbsoluteChange, MinRelativeChange = minRelativeChange, GreaterIsBetter = gate.Direction == GateDirection.AtLeast };
        MetricValidationResult result = MetricValidation.Validate(new Dictionary<string, MetricThreshold> { [metricKey] = threshold }, candidate, champion)[0];
        return new CheckResult
        {
            Check = CheckNames.Champion,
            Passed = result.IsSuccess,
            Figure = result.Candidate ?? double.NaN,
            Bound = result.Baseline is { } baseline ? Required(threshold, baseline) : double.NaN,
            Comparison = gate.Direction,
            Unit = unit,
            Detail = result.IsSuccess
                ? string.Create(CultureInfo.InvariantCulture, $"Challenger {unit} {result.Candidate:G6} against champion {result.Baseline:G6} ({threshold}): {result.Describe()}")
                : result.Describe(),
        };
    }

    /// <summary>The value the challenger must reach: the strictest of the configured rules, as MLflow states them.</summary>
    private static double Required(MetricThreshold threshold, double baseline)
    {
        double sign = threshold.GreaterIsBetter ? 1 : -1;
        List<double> required = [];
        if (threshold.MinAbsoluteChange is { } absolute)
        {
            required.Add(baseline + (sign * absolute));
        }

        if (threshold.MinRelativeChange is { } relative)
        {
            required.Add(baseline == 0 ? baseline + (sign * MetricValidation.ZeroBaselineMargin) : baseline + (sign * relative * Math.Abs(baseline)));
        }

        return threshold.GreaterIsBetter ? required.Max() : required.Min();
    }
}
