using System.Globalization;

namespace MLOps.Core.Delivery.Gates;

/// <summary>
/// The step's verdict from the candidate's and baseline's samples: too few candidate requests is
/// <see cref="GateOutcome.InsufficientData"/>; otherwise every gate is judged where it can be, and any failed judged
/// gate fails the step. The summary names each failed gate with its figure and bound.
/// </summary>
public static class GateRules
{
    public static GateVerdict Judge(DeploymentSample candidate, DeploymentSample? baseline, GateBounds bounds)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        Check(bounds);
        if (candidate.Requests < bounds.MinRequests)
        {
            return new GateVerdict(GateOutcome.InsufficientData, [], candidate.Requests, baseline?.Requests ?? 0, string.Create(CultureInfo.InvariantCulture,
                $"Deployment {candidate.Deployment} had {candidate.Requests} requests in the window; the gates need at least {bounds.MinRequests}."));
        }

        GateFigure[] gates =
        [
            ErrorRateGate.Judge(candidate, baseline, bounds),
            LatencyGate.Judge(candidate, baseline, bounds),
            ScoreShiftGate.Judge(candidate, baseline, bounds),
            LabelMetricGate.Judge(candidate, baseline, bounds),
        ];
        GateFigure[] failed = [.. gates.Where(g => g.Judged && !g.Passed)];
        GateFigure[] skipped = [.. gates.Where(g => !g.Judged)];
        string notJudged = skipped.Length == 0 ? string.Empty : " Not judged: " + string.Join("; ", skipped.Select(g => g.Gate)) + ".";
        string summary = failed.Length > 0
            ? string.Create(CultureInfo.InvariantCulture, $"Deployment {candidate.Deployment} failed {failed.Length} of {gates.Length - skipped.Length} judged gates over {candidate.Requests} requests: {string.Join("; ", failed.Select(g => g.Detail))}.{notJudged}")
            : string.Create(CultureInfo.InvariantCulture, $"Deployment {candidate.Deployment} passed {gates.Length - skipped.Length} judged gates over {candidate.Requests} requests.{notJudged}");
        return new GateVerdict(failed.Length > 0 ? GateOutcome.Failed : GateOutcome.Passed, gates, candidate.Requests, baseline?.Requests ?? 0, summary);
    }

    private static void Check(GateBounds bounds)
    {
        ArgumentNullException.ThrowIfNull(bounds);
        if (bounds.MinRequests < 1 || !(bounds.MaxErrorRate is >= 0 and <= 1) || !(bounds.LatencyRatio > 0) || bounds.MaxP95LatencyMs is { } max && !(max > 0)
            || !(bounds.MaxScoreShift >= 0) || !(bounds.MaxMetricDrop >= 0))
        {
            throw new ArgumentException(
                "Gate bounds: MinRequests ≥ 1, MaxErrorRate in [0, 1], LatencyRatio > 0, MaxP95LatencyMs > 0 when set, MaxScoreShift ≥ 0 and MaxMetricDrop ≥ 0.", nameof(bounds));
        }
    }
}
