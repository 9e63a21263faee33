using MLOps.Core.Delivery.Gates;
using MLOps.Core.Labels;
using MLOps.Core.Serving.RequestLog;
using static MLOps.UnitTests.Core.Delivery.LogEntries;

namespace MLOps.UnitTests.Core.Delivery;

/// <summary>The deployment gates on hand-built request-log entries; expected figures are worked out in each test.</summary>
public sealed class GateRulesTests
{
    private const string Candidate = "d-new";
    private const string Baseline = "d-old";

    [Fact]
    public void Too_few_candidate_requests_is_insufficient_data_whatever_they_show()
    {
        RequestLogEntry[] window = [.. Many(29, "c", (id, _) => Answered(id, Candidate, status: 503)), .. Many(100, "b", (id, _) => Answered(id, Baseline))];

        GateVerdict verdict = Judge(window, new GateBounds());

        Assert.Equal(GateOutcome.InsufficientData, verdict.Outcome);
        Assert.Empty(verdict.Gates);
        Assert.Equal((29, 100), (verdict.CandidateRequests, verdict.BaselineRequests));
        Assert.Contains("29 requests", verdict.Summary, StringComparison.Ordinal);
        Assert.Contains("at least 30", verdict.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Server_failures_and_409_count_as_errors_the_callers_4xx_do_not()
    {
        // 40 requests: 34 scored, 2 × 503, 1 × 502, 1 × 409 (package unusable), 1 × 400 and 1 × 404 (the caller's).
        int[] statuses = [.. Enumerable.Repeat(200, 34), 503, 503, 502, 409, 400, 404];
        RequestLogEntry[] window = [.. Many(40, "c", (id, i) => Answered(id, Candidate, statuses[i]))];

        GateVerdict strict = Judge(window, new GateBounds { MaxErrorRate = 0.05 });
        GateVerdict lenient = Judge(window, new GateBounds { MaxErrorRate = 0.10 });

        GateFigure error = Gate(strict, GateNames.ErrorRate);
        Assert.Equal(4.0 / 40, error.Figure!.Value, 1e-15);
        Assert.Equal(0.05, error.Bound);
        Assert.False(error.Passed);
        Assert.Equal(GateOutcome.Failed, strict.Outcome);
        Assert.Contains("error rate 10.00% (4 of 40 requests) exceeds the bound 5.00%", strict.Summary, StringComparison.Ordinal);
        Assert.Equal(GateOutcome.Passed, lenient.Outcome);
        Assert.True(Gate(lenient, GateNames.ErrorRate).Passed);
    }

    [Fact]
    public void P95_is_the_nearest_rank_of_scored_requests_against_the_budget()
    {
        // Scored latencies 1..40 ms: rank ⌈0.95 · 40⌉ = 38, so p95 = 38 ms. A slow 503 is the error gate's, not this one's.
        RequestLogEntry[] window = [.. Many(40, "c", (id, i) => Answered(id, Candidate, durationMs: i + 1)), Answered("slow", Candidate, status: 503, durationMs: 30_000)];

        GateFigure over = Gate(Judge(window, new GateBounds { MaxP95LatencyMs = 37, MaxErrorRate = 1 }), GateNames.P95Latency);
        GateFigure within = Gate(Judge(window, new GateBounds { MaxP95LatencyMs = 38, MaxErrorRate = 1 }), GateNames.P95Latency);

        Assert.Equal(38, over.Figure);
        Assert.Equal((37.0, false, true), (over.Bound, over.Passed, over.Judged));
        Assert.Equal((38.0, true), (within.Bound, within.Passed));
        Assert.Equal("p95 latency 38 ms exceeds the budget 37 ms", over.Detail);
    }

    [Fact]
    public void Without_a_budget_the_latency_bound_is_the_baseline_p95_times_the_ratio()
    {
        // Baseline latencies 10, 20, …, 400 ms: p95 = 38th = 380 ms; ratio 1.5 gives 570 ms. Candidate: 40 × 600 ms.
        RequestLogEntry[] window =
        [
            .. Many(40, "b", (id, i) => Answered(id, Baseline, durationMs: (i + 1) * 10)),
            .. Many(40, "c", (id, _) => Answered(id, Candidate, durationMs: 600)),
        ];

        GateFigure figure = Gate(Judge(window, new GateBounds { LatencyRatio = 1.5 }), GateNames.P95Latency);
        GateFigure alone = Gate(Judge(window, new GateBounds(), baseline: null), GateNames.P95Latency);

        Assert.Equal((600.0, 380.0, 570.0, false), (figure.Figure!.Value, figure.BaselineFigure!.Value, figure.Bound, figure.Passed));
        Assert.Contains("(baseline p95 380 ms × 1.5)", figure.Detail, StringComparison.Ordinal);
        Assert.False(alone.Judged);
        Assert.True(alone.Passed);
    }

    [Fact]
    public void Mirror_copies_are_the_candidates_and_the_baseline_counts_only_what_it_answered()
    {
        // Blue-green: the baseline answers 40 requests, the candidate scores a mirrored copy of each (slowly, 900 ms).
        // A stray mirror entry of the baseline (a copy it scored of something else) must not count as its traffic.
        RequestLogEntry[] window =
        [
            .. Many(40, "b", (id, _) => Answered(id, Baseline, durationMs: 100) with { Mirror = Candidate }),
            .. Many(40, "m", (id, i) => Mirror(id, "b" + i, Candidate, durationMs: 900)),
            Mirror("stray", "x", Baseline, status: 503),
        ];

        GateVerdict verdict = Judge(window, new GateBounds { LatencyRatio = 2 });

        Assert.Equal((40, 40), (verdict.CandidateRequests, verdict.BaselineRequests));
        Assert.Equal(0.0, Gate(verdict, GateNames.ErrorRate).BaselineFigure);
        GateFigure latency = Gate(verdict, GateNames.P95Latency);
        Assert.Equal((900.0, 200.0, false), (latency.Figure!.Value, latency.Bound, latency.Passed));
    }

    [Fact]
    public void Score_shift_against_the_baseline_deciles_matches_the_scipy_reference()
    {
        // tests/reference/ab_tests_reference.py, "score-shift gate samples": baseline i/100 (i = 1..100),
        // candidate 0.3 + (i % 40)/100 (i = 0..59), as single precision like the log keeps them.
        RequestLogEntry[] window =
        [
            .. Many(100, "b", (id, i) => Answered(id, Baseline, score: (i + 1) / 100f)),
            .. Many(60, "c", (id, i) => Answered(id, Candidate, score: (float)(0.3 + ((i % 40) / 100.0)))),
        ];

        GateFigure psi = Gate(Judge(window, new GateBounds()), GateNames.ScoreShift);
        GateFigure js = Gate(Judge(window, new GateBounds { ShiftMetric = ScoreShiftMetric.JensenShannon, MaxScoreShift = 0.7 }), GateNames.ScoreShift);

        Assert.Equal(4.108667092915295, psi.Figure!.Value, 1e-9);
        Assert.False(psi.Passed);
        Assert.Equal(0.6023251425828924, js.Figure!.Value, 1e-9);
        Assert.True(js.Passed);
    }

    [Fact]
    public void The_same_score_distribution_does_not_shift_and_no_baseline_is_not_judged()
    {
        // The candidate's 100 scores are the baseline's in another order: every decile share is equal, PSI = 0.
        RequestLogEntry[] window =
        [
            .. Many(100, "b", (id, i) => Answered(id, Baseline, score: (i + 1) / 100f)),
            .. Many(100, "c", (id, i) => Answered(id, Candidate, score: (100 - i) / 100f)),
        ];

        GateFigure same = Gate(Judge(window, new GateBounds()), GateNames.ScoreShift);
        GateVerdict alone = Judge(window, new GateBounds(), baseline: null);

        Assert.Equal(0.0, same.Figure!.Value, 1e-15);
        Assert.True(same.Passed && same.Judged);
        Assert.False(Gate(alone, GateNames.ScoreShift).Judged);
        Assert.Equal(GateOutcome.Passed, alone.Outcome);
        Assert.Contains("Not judged: p95Latency; scoreShift; labelMetric", alone.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Accuracy_may_drop_by_at_most_the_bound_in_points()
    {
        // Baseline 34 of 40 correct (85%), candidate 30 of 40 (75%): a 10-point drop against a 5-point allowance.
        RequestLogEntry[] window =
        [
            .. Many(40, "b", (id, i) => Answered(id, Baseline, label: i < 34 ? "good" : "bad")),
            .. Many(40, "c", (id, i) => Answered(id, Candidate, label: i < 30 ? "good" : "bad")),
        ];
        GroundTruthLabel[] labels = [.. window.Select(e => Label(e.RequestId, "good"))];

        GateFigure strict = Gate(Judge(window, new GateBounds(), labels: labels), GateNames.LabelMetric);
        GateFigure lenient = Gate(Judge(window, new GateBounds { MaxMetricDrop = 0.12 }, labels: labels), GateNames.LabelMetric);

        Assert.Equal((0.75, 0.85), (strict.Figure!.Value, strict.BaselineFigure!.Value));
        Assert.Equal(0.80, strict.Bound, 1e-12);
        Assert.False(strict.Passed);
        Assert.Contains("accuracy 75.00% on 40 labelled predictions is below the floor 80.00%", strict.Detail, StringComparison.Ordinal);
        Assert.True(lenient.Passed);
    }

    [Fact]
    public void Mean_absolute_error_may_grow_by_at_most_the_bound_as_a_share()
    {
        // Regression rows (no class): baseline predicts 11 for a target of 10 (MAE 1), candidate 8.8 (MAE 1.2).
        RequestLogEntry[] window =
        [
            .. Many(40, "b", (id, _) => Answered(id, Baseline, score: 11f)),
            .. Many(40, "c", (id, _) => Answered(id, Candidate, score: 8.8f)),
        ];
        GroundTruthLabel[] labels = [.. window.Select(e => Label(e.RequestId, "10"))];

        GateFigure strict = Gate(Judge(window, new GateBounds { MaxMetricDrop = 0.05 }, labels: labels), GateNames.LabelMetric);
        GateFigure lenient = Gate(Judge(window, new GateBounds { MaxMetricDrop = 0.25 }, labels: labels), GateNames.LabelMetric);

        Assert.Equal(1.2, strict.Figure!.Value, 1e-6);
        Assert.Equal(1.0, strict.BaselineFigure!.Value, 1e-12);
        Assert.Equal(1.05, strict.Bound, 1e-12);
        Assert.False(strict.Passed);
        Assert.True(lenient.Passed);
    }

    [Fact]
    public void Labels_on_too_few_predictions_are_not_judged()
    {
        RequestLogEntry[] window =
        [
            .. Many(40, "b", (id, _) => Answered(id, Baseline, label: "good")),
            .. Many(40, "c", (id, _) => Answered(id, Candidate, label: "bad")),
        ];
        GroundTruthLabel[] labels = [.. window.Take(40).Concat(window.Skip(40).Take(29)).Select(e => Label(e.RequestId, "good"))];

        GateFigure figure = Gate(Judge(window, new GateBounds(), labels: labels), GateNames.LabelMetric);

        Assert.False(figure.Judged);
        Assert.Contains("29 candidate and 40 baseline", figure.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_failed_gate_is_named_in_the_summary()
    {
        RequestLogEntry[] window =
        [
            .. Many(40, "b", (id, i) => Answered(id, Baseline, durationMs: 10, score: (i + 1) / 40f)),
            .. Many(38, "c", (id, _) => Answered(id, Candidate, durationMs: 50, score: 0.99f)),
            Answered("e1", Candidate, status: 502),
            Answered("e2", Candidate, status: 502),
        ];

        GateVerdict verdict = Judge(window, new GateBounds());

        Assert.Equal(GateOutcome.Failed, verdict.Outcome);
        Assert.StartsWith("Deployment d-new failed 3 of 3 judged gates over 40 requests: error rate 5.00% (2 of 40 requests) (baseline 0.00%) exceeds the bound 1.00%; p95 latency 50 ms exceeds 20 ms (baseline p95 10 ms × 2); score shift (PSI over the baseline's deciles) ", verdict.Summary, StringComparison.Ordinal);
        Assert.EndsWith("exceeds the bound 0.25. Not judged: labelMetric.", verdict.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Bounds_that_cannot_be_met_sensibly_are_refused()
    {
        RequestLogEntry[] window = [.. Many(40, "c", (id, _) => Answered(id, Candidate))];

        Assert.Throws<ArgumentException>(() => Judge(window, new GateBounds { MinRequests = 0 }));
        Assert.Throws<ArgumentException>(() => Judge(window, new GateBounds { MaxErrorRate = double.NaN }));
        Assert.Throws<ArgumentException>(() => Judge(window, new GateBounds { MaxP95LatencyMs = 0 }));
    }

    private static GateVerdict Judge(IEnumerable<RequestLogEntry> window, GateBounds bounds, string? baseline = Baseline, IEnumerable<GroundTruthLabel>? labels = null)
    {
        RequestLogEntry[] entries = [.. window];
        GroundTruthLabel[] known = [.. labels ?? []];
        return GateRules.Judge(
            DeploymentSample.Of(Candidate, entries, withMirrors: true, known),
            baseline is null ? null : DeploymentSample.Of(baseline, entries, withMirrors: false, known),
            bounds);
    }

    private static GateFigure Gate(GateVerdict verdict, string name) => Assert.Single(verdict.Gates, g => g.Gate == name);

    private static GroundTruthLabel Label(string requestId, string label) =>
        new() { Project = "credit", Endpoint = "scores", RequestId = requestId, Label = label, Time = Start.AddDays(1) };
}
