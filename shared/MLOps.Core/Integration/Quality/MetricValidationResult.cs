namespace MLOps.Core.Integration.Quality;

/// <summary>
/// One metric's outcome under MLflow's model validation (<c>_MetricValidationResult</c>): which rule failed, with the
/// candidate and baseline values. <see cref="BaselineAbsent"/> marks a validation without any baseline model (a
/// project's first build has no champion): the change rules are then not applied, as MLflow's documentation says of
/// a validation without a baseline ("compared against the threshold values directly").
/// </summary>
public sealed record MetricValidationResult(
    string Metric,
    double? Candidate,
    double? Baseline,
    MetricThreshold Threshold,
    bool MissingCandidate = false,
    bool MissingBaseline = false,
    bool ThresholdFailed = false,
    bool MinAbsoluteChangeFailed = false,
    bool MinRelativeChangeFailed = false,
    bool BaselineAbsent = false)
{
    public bool IsSuccess =>
        !this.MissingCandidate && !this.MissingBaseline && !this.ThresholdFailed && !this.MinAbsoluteChangeFailed && !this.MinRelativeChangeFailed;

    /// <summary>MLflow's failure messages, joined; "Metric X passed the validation." on success.</summary>
    public string Describe()
    {
        string m = this.Metric;
        if (this.IsSuccess)
        {
            return this.BaselineAbsent && (this.Threshold.MinAbsoluteChange is not null || this.Threshold.MinRelativeChange is not null)
                ? $"Metric {m} passed the validation; no baseline model, so the change rules were not applied."
                : $"Metric {m} passed the validation.";
        }

        if (this.MissingCandidate)
        {
            return $"Metric validation failed: metric {m} was missing from the evaluation result of the candidate model.";
        }

        List<string> parts = [];
        string c = N(this.Candidate), b = N(this.Baseline);
        if (this.ThresholdFailed)
        {
            parts.Add($"Metric {m} value threshold check failed: candidate model {m} = {c}, {m} threshold = {N(this.Threshold.Threshold)}.");
        }

        if (this.MissingBaseline)
        {
            parts.Add($"Model comparison failed: metric {m} was missing from the evaluation result of the baseline model.");
        }
        else
        {
            if (this.MinAbsoluteChangeFailed)
            {
                parts.Add($"Metric {m} minimum absolute change check failed: candidate model {m} = {c}, baseline model {m} = {b}, {m} minimum absolute change threshold = {N(this.Threshold.MinAbsoluteChange)}.");
            }

            if (this.MinRelativeChangeFailed)
            {
                parts.Add($"Metric {m} minimum relative change check failed: candidate model {m} = {c}, baseline model {m} = {b}, {m} minimum relative change threshold = {N(this.Threshold.MinRelativeChange)}.");
            }
        }

        return string.Join(" ", parts);
    }

    private static string N(double? value) => value is { } v ? MetricThreshold.N(v) : "None";
}
