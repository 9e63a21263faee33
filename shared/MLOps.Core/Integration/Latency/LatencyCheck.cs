using System.Globalization;
using MLOps.Core.Requirements;

namespace MLOps.Core.Integration.Latency;

/// <summary>
/// The package's single-row scoring latency against the spec's budget: the nearest-rank 95th percentile
/// (<see cref="Percentiles.NearestRank"/>) of the measured latencies must be at most <see cref="LatencyBudget.P95Ms"/>.
/// Too few samples, or a sample that is not a non-negative number, fails: a budget is not met by not measuring.
/// </summary>
public static class LatencyCheck
{
    public const string Unit = "ms (p95, nearest rank)";

    public static CheckResult Check(IReadOnlyList<double> latenciesMs, LatencyBudget budget, int minSamples)
    {
        ArgumentNullException.ThrowIfNull(latenciesMs);
        ArgumentNullException.ThrowIfNull(budget);
        int bad = latenciesMs.Count(l => !(l >= 0) || double.IsPositiveInfinity(l));
        if (latenciesMs.Count < minSamples || bad > 0)
        {
            string why = bad > 0
                ? $"{bad} of {latenciesMs.Count} latency samples are not finite non-negative milliseconds"
                : $"{latenciesMs.Count} latency samples are fewer than the {minSamples} a 95th percentile needs";
            return new CheckResult
            {
                Check = CheckNames.Latency,
                Passed = false,
                Figure = double.NaN,
                Bound = budget.P95Ms,
                Comparison = GateDirection.AtMost,
                Unit = Unit,
                Detail = why + ".",
            };
        }

        double p95 = Percentiles.NearestRank(latenciesMs, 95);
        double median = Percentiles.NearestRank(latenciesMs, 50);
        string detail = string.Create(
            CultureInfo.InvariantCulture,
            $"p95 {p95:G6} ms over {latenciesMs.Count} single-row requests (median {median:G6} ms, max {latenciesMs.Max():G6} ms); budget {budget.P95Ms} ms.");
        return CheckResult.Judge(CheckNames.Latency, p95, budget.P95Ms, GateDirection.AtMost, Unit, detail);
    }
}
