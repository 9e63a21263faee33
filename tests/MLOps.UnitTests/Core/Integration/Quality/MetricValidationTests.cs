using MLOps.Core.Integration.Quality;

namespace MLOps.UnitTests.Core.Integration.Quality;

/// <summary>
/// MLflow's validation rules, case by case. The expected failures are the output of
/// tests/reference/mlflow_metric_threshold_reference.py, which re-states MLflow's _validate comparisons in Python.
/// </summary>
public sealed class MetricValidationTests
{
    private const string M = "m";

    public static TheoryData<string, double?, double?, double?, double?, double?, bool, string> Cases => new()
    {
        // name, candidate, baseline, threshold, min_absolute_change, min_relative_change, greater_is_better, failed rules (script output)
        { "threshold met", 0.81, null, 0.8, null, null, true, "" },
        { "threshold equal passes", 0.8, null, 0.8, null, null, true, "" },
        { "threshold missed", 0.79, null, 0.8, null, null, true, "threshold" },
        { "threshold met, lower is better", 0.3, null, 0.35, null, null, false, "" },
        { "threshold missed, lower is better", 0.36, null, 0.35, null, null, false, "threshold" },
        { "0.85 does not clear 0.8 + 0.05 = 0.8500000000000001", 0.85, 0.8, null, 0.05, null, true, "min_absolute_change" },
        { "0.851 clears 0.8 + 0.05", 0.851, 0.8, null, 0.05, null, true, "" },
        { "0.25 clears 0.3 - 0.05 = 0.25, lower is better", 0.25, 0.3, null, 0.05, null, false, "" },
        { "0.2 clears 0.3 - 0.05", 0.2, 0.3, null, 0.05, null, false, "" },
        { "(0.84 - 0.8) / 0.8 = 0.0499999999 is below 5%", 0.84, 0.8, null, null, 0.05, true, "min_relative_change" },
        { "0.85 over 0.8 is 6.25%", 0.85, 0.8, null, null, 0.05, true, "" },
        { "(0.3 - 0.27) / 0.3 = 0.0999999999 is below 10%, lower is better", 0.27, 0.3, null, null, 0.1, false, "min_relative_change" },
        { "0.26 under 0.3 is 13%", 0.26, 0.3, null, null, 0.1, false, "" },
        { "relative change 0: equal to the champion passes", 0.8, 0.8, null, null, 0.0, true, "" },
        { "relative change 0: worse than the champion fails", 0.7999, 0.8, null, null, 0.0, true, "min_relative_change" },
        { "zero baseline: 1e-11 is not better by 1e-10", 1e-11, 0.0, null, null, 0.5, true, "min_relative_change" },
        { "zero baseline: 2e-10 is better by 1e-10", 2e-10, 0.0, null, null, 0.5, true, "" },
        { "zero baseline, lower is better: -2e-10", -2e-10, 0.0, null, null, 0.5, false, "" },
        { "threshold and comparison both fail", 0.7, 0.75, 0.8, 0.01, null, true, "threshold,min_absolute_change" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_rule_decides_as_mlflow_does(
        string name, double? candidate, double? baseline, double? threshold, double? absolute, double? relative, bool greaterIsBetter, string failed)
    {
        var rule = new MetricThreshold { Threshold = threshold, MinAbsoluteChange = absolute, MinRelativeChange = relative, GreaterIsBetter = greaterIsBetter };
        Dictionary<string, double>? baselines = baseline is { } b ? new() { [M] = b } : (absolute ?? relative) is null ? null : new();

        MetricValidationResult result = MetricValidation.Validate(new Dictionary<string, MetricThreshold> { [M] = rule }, new Dictionary<string, double> { [M] = candidate!.Value }, baselines).Single();

        Assert.True(failed == Failed(result), $"{name}: expected [{failed}], got [{Failed(result)}]; {result.Describe()}");
    }

    [Fact]
    public void A_metric_missing_from_the_baseline_fails_the_comparison_while_the_threshold_is_still_judged()
    {
        var rule = new MetricThreshold { Threshold = 0.8, MinAbsoluteChange = 0.01, GreaterIsBetter = true };

        MetricValidationResult result = MetricValidation.Validate(
            new Dictionary<string, MetricThreshold> { [M] = rule }, new Dictionary<string, double> { [M] = 0.7 }, new Dictionary<string, double> { ["other"] = 0.9 }).Single();

        Assert.Equal("threshold,missing_baseline", Failed(result));
        Assert.Equal(
            "Metric m value threshold check failed: candidate model m = 0.7, m threshold = 0.8. Model comparison failed: metric m was missing from the evaluation result of the baseline model.",
            result.Describe());
    }

    [Fact]
    public void A_metric_missing_from_the_candidate_fails_alone_and_nan_counts_as_missing()
    {
        var rules = new Dictionary<string, MetricThreshold> { [M] = new() { Threshold = 0.8, GreaterIsBetter = true } };

        MetricValidationResult absent = MetricValidation.Validate(rules, new Dictionary<string, double>(), new Dictionary<string, double> { [M] = 0.8 }).Single();
        MetricValidationResult nan = MetricValidation.Validate(rules, new Dictionary<string, double> { [M] = double.NaN }, null).Single();

        Assert.Equal("missing_candidate", Failed(absent));
        Assert.Equal("Metric validation failed: metric m was missing from the evaluation result of the candidate model.", absent.Describe());
        Assert.Equal("missing_candidate", Failed(nan));
    }

    [Fact]
    public void Without_a_baseline_model_only_the_threshold_is_judged()
    {
        var rules = new Dictionary<string, MetricThreshold> { [M] = new() { Threshold = 0.8, MinRelativeChange = 0.05, GreaterIsBetter = true } };

        MetricValidationResult result = MetricValidation.Validate(rules, new Dictionary<string, double> { [M] = 0.81 }, null).Single();

        Assert.True(result.IsSuccess);
        Assert.True(result.BaselineAbsent);
        Assert.Equal("Metric m passed the validation; no baseline model, so the change rules were not applied.", result.Describe());
    }

    [Fact]
    public void An_improvement_over_a_negative_baseline_passes_where_mlflow_signed_division_fails_it()
    {
        // The reference script prints ['min_relative_change'] for MLflow: (−0.4 − −0.5) / −0.5 = −20 %. Over |−0.5| it is +20 %.
        var rules = new Dictionary<string, MetricThreshold> { [M] = new() { MinRelativeChange = 0.1, GreaterIsBetter = true } };

        MetricValidationResult result = MetricValidation.Validate(rules, new Dictionary<string, double> { [M] = -0.4 }, new Dictionary<string, double> { [M] = -0.5 }).Single();

        Assert.True(result.IsSuccess, result.Describe());
    }

    [Theory]
    [InlineData(null, null, null, "no threshold was specified.")]
    [InlineData(double.NaN, null, null, "`threshold` parameter must be a number.")]
    [InlineData(null, 0.0, null, "`min_absolute_change` parameter must be a positive number.")]
    [InlineData(null, -0.1, null, "`min_absolute_change` parameter must be a positive number.")]
    [InlineData(null, null, 1.5, "`min_relative_change` parameter must be between 0 and 1.")]
    [InlineData(null, null, -0.01, "`min_relative_change` parameter must be between 0 and 1.")]
    public void Thresholds_mlflow_refuses_to_construct_are_refused(double? threshold, double? absolute, double? relative, string problem)
    {
        var rule = new MetricThreshold { Threshold = threshold, MinAbsoluteChange = absolute, MinRelativeChange = relative, GreaterIsBetter = true };

        Assert.Equal([problem], rule.Problems());
        ArgumentException e = Assert.Throws<ArgumentException>(() => MetricValidation.Validate(new Dictionary<string, MetricThreshold> { [M] = rule }, new Dictionary<string, double>(), null));
        Assert.Contains(problem, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_threshold_reads_as_mlflow_prints_it()
    {
        var rule = new MetricThreshold { Threshold = 0.8, MinAbsoluteChange = 0.05, MinRelativeChange = 0.05, GreaterIsBetter = true };

        Assert.Equal("Threshold: 0.8. Minimum Absolute Change: 0.05. Minimum Relative Change: 0.05. Higher value is better.", rule.ToString());
    }

    private static string Failed(MetricValidationResult r) => string.Join(",", new[]
    {
        r.MissingCandidate ? "missing_candidate" : null,
        r.ThresholdFailed ? "threshold" : null,
        r.MissingBaseline ? "missing_baseline" : null,
        r.MinAbsoluteChangeFailed ? "min_absolute_change" : null,
        r.MinRelativeChangeFailed ? "min_relative_change" : null,
    }.Where(s => s is not null));
}
