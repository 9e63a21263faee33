using System.Globalization;
using MLOps.Core.DataEngineering.Profiling;
using MLOps.Core.FeatureStore.Engineering;
using MLOps.Core.Integration;
using MLOps.Core.Integration.Builds;
using MLOps.Core.Integration.Robustness;
using MLOps.Core.Requirements;
using MLOps.Training.Data;

namespace MLOps.Training.Integration;

public sealed partial class PackageChecks
{
    /// <summary>
    /// Robustness: the model's continuous inputs (features from identity, standardize, log and ratio transforms) of
    /// every holdout row get seeded Gaussian noise scaled by the column's standard deviation on the training rows; the
    /// package scores both sets on a worker and at most the allowed share of labels may flip. Indicator, bucket and
    /// date-part columns are left alone: their values are categories, for which a small perturbation means nothing.
    /// The noise is applied to the model's input rather than to the raw record, so an integer column stays an integer
    /// where the contract checks one.
    /// </summary>
    public async Task<IReadOnlyList<CheckResult>> RobustnessAsync(CheckTarget target, CancellationToken cancellationToken = default)
    {
        PackageUnderTest package = await inputs.OpenAsync(target, cancellationToken);
        IntegrationCheckOptions settings = this.Options;
        double noise = settings.RobustnessNoiseScaleFor(package.Spec.Robustness), bound = settings.RobustnessMaxFlipShareFor(package.Spec.Robustness);
        if (package.Descriptor.Task != ModelTask.BinaryClassification)
        {
            return [CheckResult.NotJudged(CheckNames.Robustness, bound, GateDirection.AtMost, RobustnessCheck.Unit,
                $"Label flips are defined for binary classifiers; this model is {package.Descriptor.Task}.")];
        }

        TrainTestSplit split = await inputs.SplitAsync(package, cancellationToken);
        IReadOnlyList<string> header = package.Descriptor.Input.FeatureNames;
        float[][] training = BuildInputs.InModelOrder(split.Train, package.Descriptor);
        RobustnessColumn[] columns = [.. ContinuousInputs(package.Package.Contract.Fitted, header)
            .Select(c => new RobustnessColumn(header[c], StandardDeviation(training, c)))];
        string[][] rows = [.. BuildInputs.InModelOrder(split.Test, package.Descriptor).Select(r => r.Select(v => ((double)v).ToString("R", CultureInfo.InvariantCulture)).ToArray())];
        await using WorkerSession session = await WorkerSession.OpenAsync(workers, package.Package, CheckNames.Robustness, cancellationToken);
        return [await RobustnessCheck.RunAsync(
            async (batch, ct) => await session.ScoreAsync([.. batch.Select(r => r.Select(v => float.Parse(v, NumberStyles.Float, CultureInfo.InvariantCulture)).ToArray())], ct),
            header, rows, columns, noise, settings.RobustnessSeed, package.DecisionThreshold, bound, cancellationToken)];
    }

    private static IEnumerable<int> ContinuousInputs(FittedFeatureSet fitted, IReadOnlyList<string> header)
    {
        var continuous = fitted.Features
            .Where(f => f.Definition.Transform is IdentityTransform or StandardizeTransform or LogTransform or RatioTransform)
            .SelectMany(f => f.Outputs)
            .ToHashSet(StringComparer.Ordinal);
        return Enumerable.Range(0, header.Count).Where(c => continuous.Contains(header[c]));
    }

    /// <summary>Sample standard deviation of a column's present values (NaN is missing, as in the feature set).</summary>
    private static double StandardDeviation(float[][] rows, int column)
    {
        var moments = default(Moments);
        foreach (float[] row in rows)
        {
            if (!float.IsNaN(row[column]))
            {
                moments = moments.Add(row[column]);
            }
        }

        return moments.StandardDeviation;
    }
}
