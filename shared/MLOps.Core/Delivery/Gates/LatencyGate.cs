using System.Globalization;
using MLOps.Core.Integration.Latency;

namespace MLOps.Core.Delivery.Gates;

/// <summary>
/// The candidate's p95 latency (nearest rank, <see cref="Percentiles.NearestRank"/>: a latency some request really
/// had) over the requests it scored (200: refusals are quick and failures are the error gate's) is within the
/// budget: <see cref="GateBounds.MaxP95LatencyMs"/>, or else the baseline's p95 × <see cref="GateBounds.LatencyRatio"/>.
/// </summary>
public static class LatencyGate
{
    public static GateFigure Judge(DeploymentSample candidate, DeploymentSample? baseline, GateBounds bounds)
    {
        double configured = bounds.MaxP95LatencyMs ?? 0;
        if (candidate.LatenciesMs.Count == 0)
        {
            return NotJudged(configured, "p95 latency not judged: the candidate scored no request (every one was refused or failed)");
        }

        double p95 = Percentiles.NearestRank(candidate.LatenciesMs, 95);
        double? baselineP95 = baseline is { LatenciesMs.Count: > 0 } b ? Percentiles.NearestRank(b.LatenciesMs, 95) : null;
        string budgetText;
        double budget;
        if (bounds.MaxP95LatencyMs is { } max)
        {
            budget = max;
            budgetText = string.Create(CultureInfo.InvariantCulture, $"the budget {max:0.#} ms");
        }
        else if (baselineP95 is { } reference && baseline!.LatenciesMs.Count >= bounds.MinRequests)
        {
            budget = reference * bounds.LatencyRatio;
            budgetText = string.Create(CultureInfo.InvariantCulture, $"{budget:0.#} ms (baseline p95 {reference:0.#} ms × {bounds.LatencyRatio:0.##})");
        }
        else
        {
            return NotJudged(configured, string.Create(CultureInfo.InvariantCulture,
                $"p95 latency {p95:0.#} ms not judged: no latency budget is set and the baseline scored {baseline?.LatenciesMs.Count ?? 0} requests, fewer than {bounds.MinRequests}"), p95, baselineP95);
        }

        bool passed = p95 <= budget;
        return new GateFigure(
            GateNames.P95Latency, p95, baselineP95, budget, passed,
            string.Create(CultureInfo.InvariantCulture, $"p95 latency {p95:0.#} ms {(passed ? "is within" : "exceeds")} {budgetText}"));
    }

    private static GateFigure NotJudged(double bound, string detail, double? figure = null, double? baseline = null) =>
        new(GateNames.P95Latency, figure, baseline, bound, Passed: true, detail, Judged: false);
}
