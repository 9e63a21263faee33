using System.Globalization;
using MLOps.Core.Labels;

namespace MLOps.Core.Delivery.Gates;

/// <summary>
/// The candidate's quality on labelled predictions against the baseline's: accuracy may drop by at most
/// <see cref="GateBounds.MaxMetricDrop"/> (absolute: 0.05 is five points); mean absolute error may grow by at most
/// that share of the baseline's (relative: MAE is in the target's units). <see cref="GateFigure.Bound"/> is the
/// resulting floor (accuracy) or ceiling (MAE). Not judged without a baseline, or with fewer than
/// <see cref="GateBounds.MinRequests"/> labelled predictions on either side.
/// </summary>
public static class LabelMetricGate
{
    public static GateFigure Judge(DeploymentSample candidate, DeploymentSample? baseline, GateBounds bounds)
    {
        if (baseline is null)
        {
            return NotJudged(bounds, "label metric not judged: no baseline to compare with");
        }

        LabelledOutcomes mine = candidate.Outcomes;
        LabelledOutcomes theirs = baseline.Outcomes;
        if (mine.Kind is { } a && theirs.Kind is { } b && a != b)
        {
            return NotJudged(bounds, "label metric not judged: the candidate and the baseline answer different tasks (classification and regression)");
        }

        if (mine.Values.Count < bounds.MinRequests || theirs.Values.Count < bounds.MinRequests)
        {
            return NotJudged(bounds, string.Create(CultureInfo.InvariantCulture,
                $"label metric not judged: {mine.Values.Count} candidate and {theirs.Values.Count} baseline predictions have labels, fewer than {bounds.MinRequests} on a side"));
        }

        double figure = mine.Values.Average();
        double reference = theirs.Values.Average();
        if (mine.Kind == OutcomeKind.Correctness)
        {
            double floor = reference - bounds.MaxMetricDrop;
            bool passed = reference - figure <= bounds.MaxMetricDrop;
            return new GateFigure(GateNames.LabelMetric, figure, reference, floor, passed, string.Create(CultureInfo.InvariantCulture,
                $"accuracy {GateText.Percent(figure)} on {mine.Values.Count} labelled predictions {(passed ? "is at or above" : "is below")} the floor {GateText.Percent(floor)} (baseline {GateText.Percent(reference)} − {bounds.MaxMetricDrop:0.####})"));
        }

        double ceiling = reference * (1 + bounds.MaxMetricDrop);
        bool within = figure <= ceiling;
        return new GateFigure(GateNames.LabelMetric, figure, reference, ceiling, within, string.Create(CultureInfo.InvariantCulture,
            $"mean absolute error {figure:G6} on {mine.Values.Count} labelled predictions {(within ? "is within" : "exceeds")} the ceiling {ceiling:G6} (baseline {reference:G6} + {GateText.Percent(bounds.MaxMetricDrop)})"));
    }

    private static GateFigure NotJudged(GateBounds bounds, string detail) =>
        new(GateNames.LabelMetric, null, null, bounds.MaxMetricDrop, Passed: true, detail, Judged: false);
}
