using MLOps.Core.Integration;
using MLOps.Core.Integration.Builds;
using MLOps.Core.Integration.Parity;
using MLOps.Core.Requirements;
using MLOps.Training.Data;

namespace MLOps.Training.Integration;

public sealed partial class PackageChecks
{
    /// <summary>
    /// Parity: the package, loaded on a worker, scores the holdout rows in the order the run tracked them; every score
    /// must equal the tracked one (max |Δ|; relative to the score's scale for regression).
    /// </summary>
    public async Task<IReadOnlyList<CheckResult>> ParityAsync(CheckTarget target, CancellationToken cancellationToken = default)
    {
        PackageUnderTest package = await inputs.OpenAsync(target, cancellationToken);
        (ParityScale scale, double bound, string unit) = package.Descriptor.Task == ModelTask.Regression
            ? (ParityScale.Regression, this.Options.ParityRelativeBound, "|Δ| / max(1, |y|)")
            : (ParityScale.Probability, this.Options.ParityAbsoluteBound, "absolute score difference");
        HoldoutScores? tracked = await inputs.TrackedScoresAsync(package, cancellationToken);
        if (tracked is null || tracked.ShapeProblem() is { } shape)
        {
            string why = tracked is null
                ? $"run '{package.Version.RunId}' tracks no holdout scores ({HoldoutScores.Artifact}); a model trained before they were tracked needs a new experiment"
                : $"the tracked holdout scores are malformed: {tracked.ShapeProblem()}";
            return [CheckResult.Unproven(CheckNames.Parity, bound, GateDirection.AtMost, unit, $"Parity is unproven: {why}.")];
        }

        TrainingTable holdout = (await inputs.SplitAsync(package, cancellationToken)).Test;
        float[][] rows = BuildInputs.InModelOrder(holdout, package.Descriptor);
        Dictionary<string, int> index = holdout.Keys.Select((k, i) => (k, i)).ToDictionary(p => p.k, p => p.i, StringComparer.Ordinal);
        if (tracked.Keys.FirstOrDefault(k => !index.ContainsKey(k)) is { } stray)
        {
            return [CheckResult.Unproven(CheckNames.Parity, bound, GateDirection.AtMost, unit,
                $"Parity is unproven: the tracked key '{stray}' is not a holdout row of feature set v{package.FeatureSet.Version}.")];
        }

        double[] scored;
        await using (WorkerSession session = await WorkerSession.OpenAsync(workers, package.Package, CheckNames.Parity, cancellationToken))
        {
            scored = await session.ScoreAsync([.. tracked.Keys.Select(k => rows[index[k]])], cancellationToken);
        }

        // Multiclass scores are one value per class: compare them flat, each named by its row's key and class.
        int width = tracked.Scores[0].Length;
        double[] expected = [.. tracked.Scores.SelectMany(s => s.Select(v => (double)v))];
        string[] keys = width == 1
            ? [.. tracked.Keys]
            : [.. tracked.Keys.SelectMany(k => Enumerable.Range(0, width).Select(c => $"{k}[{c}]"))];
        return [ParityCheck.Check(scored, expected, scale, bound, keys)];
    }
}
