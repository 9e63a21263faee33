using MLOps.Core.Experiments;

namespace MLOps.Training.Trainers;

/// <summary>
/// The values used when a trial leaves a parameter out. Mostly ML.NET's own defaults; LightGBM takes scikit-learn's
/// HistGradientBoosting defaults (31 leaves, 100 rounds, rate 0.1, 20 rows a leaf) so the reference comparison is like
/// for like.
/// </summary>
public static class TrainerDefaults
{
    public static IReadOnlyDictionary<string, string> For(Algorithm algorithm) => TrialParameters.From(algorithm switch
    {
        Algorithm.LogisticRegression => new Dictionary<string, double>
        {
            [HyperParameters.L1Regularization] = 1,
            [HyperParameters.L2Regularization] = 1,
        },
        Algorithm.FastTree or Algorithm.FastTreeRegression => new Dictionary<string, double>
        {
            [HyperParameters.NumberOfLeaves] = 20,
            [HyperParameters.NumberOfTrees] = 100,
            [HyperParameters.MinimumExampleCountPerLeaf] = 10,
            [HyperParameters.LearningRate] = 0.2,
        },
        Algorithm.FastForest or Algorithm.FastForestRegression => new Dictionary<string, double>
        {
            [HyperParameters.NumberOfLeaves] = 20,
            [HyperParameters.NumberOfTrees] = 100,
            [HyperParameters.MinimumExampleCountPerLeaf] = 10,
        },
        Algorithm.LightGbm or Algorithm.LightGbmRegression => new Dictionary<string, double>
        {
            [HyperParameters.NumberOfLeaves] = 31,
            [HyperParameters.NumberOfIterations] = 100,
            [HyperParameters.LearningRate] = 0.1,
            [HyperParameters.MinimumExampleCountPerLeaf] = 20,
            [HyperParameters.L2Regularization] = 0,
        },
        Algorithm.OnlineGradientDescentRegression => new Dictionary<string, double>
        {
            [HyperParameters.LearningRate] = 0.1,
            [HyperParameters.NumberOfIterations] = 1,
            [HyperParameters.L2Regularization] = 0,
        },
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, null),
    });
}
