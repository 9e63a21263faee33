using System.Globalization;

namespace MLOps.Core.Delivery.Gates;

/// <summary>The candidate's share of requests that failed on the server side (<see cref="DeploymentSample.IsError"/>) is at most <see cref="GateBounds.MaxErrorRate"/>.</summary>
public static class ErrorRateGate
{
    public static GateFigure Judge(DeploymentSample candidate, DeploymentSample? baseline, GateBounds bounds)
    {
        double rate = (double)candidate.Errors / candidate.Requests;
        double? baselineRate = baseline is { Requests: > 0 } b ? (double)b.Errors / b.Requests : null;
        bool passed = rate <= bounds.MaxErrorRate;
        string compare = baselineRate is { } r ? string.Create(CultureInfo.InvariantCulture, $" (baseline {GateText.Percent(r)})") : string.Empty;
        return new GateFigure(
            GateNames.ErrorRate, rate, baselineRate, bounds.MaxErrorRate, passed,
            string.Create(CultureInfo.InvariantCulture,
                $"error rate {GateText.Percent(rate)} ({candidate.Errors} of {candidate.Requests} requests){compare} {(passed ? "is within" : "exceeds")} the bound {GateText.Percent(bounds.MaxErrorRate)}"));
    }
}
