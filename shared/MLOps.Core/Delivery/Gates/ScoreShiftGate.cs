using System.Globalization;
using MLOps.Core.Statistics;

namespace MLOps.Core.Delivery.Gates;

/// <summary>
/// How far the candidate's scores (the positive-class probability of a binary classifier, the predicted class's
/// probability of a multiclass one, the prediction of a regression) moved from the baseline's: PSI or Jensen–Shannon
/// distance (bits) over the baseline's score deciles, at most <see cref="GateBounds.MaxScoreShift"/>. Needs a baseline
/// and <see cref="GateBounds.MinRequests"/> scores on each side; otherwise it is not judged.
/// </summary>
public static class ScoreShiftGate
{
    public const int Bins = 10;

    public static GateFigure Judge(DeploymentSample candidate, DeploymentSample? baseline, GateBounds bounds)
    {
        string metric = bounds.ShiftMetric == ScoreShiftMetric.JensenShannon ? "Jensen–Shannon distance" : "PSI";
        if (baseline is null)
        {
            return NotJudged(bounds, "score shift not judged: no baseline (a first deployment has no scores to compare with)");
        }

        if (candidate.Scores.Count < bounds.MinRequests || baseline.Scores.Count < bounds.MinRequests)
        {
            return NotJudged(bounds, string.Create(CultureInfo.InvariantCulture,
                $"score shift not judged: {candidate.Scores.Count} candidate and {baseline.Scores.Count} baseline scores, fewer than {bounds.MinRequests} on a side"));
        }

        double shift = bounds.ShiftMetric == ScoreShiftMetric.JensenShannon
            ? JensenShannon.Compute(baseline.Scores, candidate.Scores, Bins)
            : PopulationStabilityIndex.Compute(baseline.Scores, candidate.Scores, Bins);
        bool passed = shift <= bounds.MaxScoreShift;
        return new GateFigure(
            GateNames.ScoreShift, shift, null, bounds.MaxScoreShift, passed,
            string.Create(CultureInfo.InvariantCulture,
                $"score shift ({metric} over the baseline's deciles) {shift:0.####} {(passed ? "is within" : "exceeds")} the bound {bounds.MaxScoreShift:0.####}"));
    }

    private static GateFigure NotJudged(GateBounds bounds, string detail) =>
        new(GateNames.ScoreShift, null, null, bounds.MaxScoreShift, Passed: true, detail, Judged: false);
}
