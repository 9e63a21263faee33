using MLOps.Core.Integration;
using MLOps.Core.Integration.Builds;
using MLOps.Core.Integration.Fairness;
using MLOps.Core.Requirements;
using MLOps.Training.Data;

namespace MLOps.Training.Integration;

public sealed partial class PackageChecks
{
    /// <summary>
    /// Fairness: the package's holdout scores from a worker, labelled at its decision threshold, grouped by each
    /// sensitive attribute the spec declares (read from the raw snapshot by entity key, as the model card's report is).
    /// </summary>
    public async Task<IReadOnlyList<CheckResult>> FairnessAsync(CheckTarget target, CancellationToken cancellationToken = default)
    {
        PackageUnderTest package = await inputs.OpenAsync(target, cancellationToken);
        if (package.Descriptor.Task != ModelTask.BinaryClassification)
        {
            return [CheckResult.NotJudged(CheckNames.Fairness, this.Options.FairnessMaxDifference, GateDirection.AtMost, FairnessCheck.Unit,
                $"Demographic parity and equal opportunity are defined for binary classifiers; this model is {package.Descriptor.Task}.")];
        }

        if (package.Spec.SensitiveAttributes.Count == 0)
        {
            return [CheckResult.NotJudged(CheckNames.Fairness, this.Options.FairnessMaxDifference, GateDirection.AtMost, FairnessCheck.Unit,
                "The project's spec declares no sensitive attribute.")];
        }

        TrainingTable holdout = (await inputs.SplitAsync(package, cancellationToken)).Test;
        double[] scores;
        await using (WorkerSession session = await WorkerSession.OpenAsync(workers, package.Package, CheckNames.Fairness, cancellationToken))
        {
            scores = await session.ScoreAsync(BuildInputs.InModelOrder(holdout, package.Descriptor), cancellationToken);
        }

        IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> groups = await sensitive.ReadAsync(package.FeatureSet, package.Spec, cancellationToken);
        return FairnessCheck.CheckAll(
            package.Spec.SensitiveAttributes, holdout.Keys, holdout.BinaryLabels!, scores, package.DecisionThreshold, groups, this.Options);
    }
}
