using MLOps.Core.Requirements;
using MLOps.Training.Data;
using MLOps.Training.Metrics;
using MLOps.Training.Training;

namespace MLOps.Training.Importance;

/// <summary>
/// Seeded permutation feature importance. Our own rather than ML.NET's, because ML.NET's permutes per slot of a vector
/// through its own random source and scores with its evaluators; this one shuffles with a seed derived from the
/// feature's position and scores with <see cref="MetricsCalculator"/>, so reports are reproducible and agree with the
/// metrics the experiment logs.
/// </summary>
public static class PermutationImportance
{
    public static IReadOnlyList<FeatureImportance> Compute(TrainedModel model, TrainingTable holdout, int seed = 0, int repeats = 3)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(repeats, 1);
        double baseline = Loss(model, holdout);
        var results = new List<FeatureImportance>(holdout.Width);
        for (int feature = 0; feature < holdout.Width; feature++)
        {
            double[] increases = new double[repeats];
            for (int repeat = 0; repeat < repeats; repeat++)
            {
                // Not HashCode.Combine: it is salted per process, and the shuffle must repeat across runs.
                var random = new Random(unchecked((seed * 1_000_003) + (feature * 7_919) + repeat));
                float[] column = holdout.Features.Select(row => row[feature]).ToArray();
                random.Shuffle(column);
                float[][] permuted = holdout.Features.Select((row, r) =>
                {
                    float[] copy = (float[])row.Clone();
                    copy[feature] = column[r];
                    return copy;
                }).ToArray();
                increases[repeat] = Loss(model, holdout.WithFeatures(permuted)) - baseline;
            }

            double mean = increases.Average();
            double std = repeats > 1 ? Math.Sqrt(increases.Sum(v => (v - mean) * (v - mean)) / (repeats - 1)) : 0;
            results.Add(new FeatureImportance(holdout.FeatureNames[feature], mean, std));
        }

        return results.OrderByDescending(r => r.Importance).ThenBy(r => r.Feature, StringComparer.Ordinal).ToArray();
    }

    /// <summary>A quantity where larger is worse, so every task's importance is an increase.</summary>
    private static double Loss(TrainedModel model, TrainingTable table)
    {
        ModelMetrics metrics = model.Evaluate(table);
        return model.Task switch
        {
            ModelTask.BinaryClassification => -metrics.Auc!.Value,
            ModelTask.Regression => metrics.Rmse!.Value,
            _ => metrics.LogLoss!.Value,
        };
    }
}
