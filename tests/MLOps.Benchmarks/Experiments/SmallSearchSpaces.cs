using MLOps.Core.Experiments;

namespace MLOps.Benchmarks.Experiments;

/// <summary>
/// The small spaces of ExperimentPipelineTests (tests/MLOps.IntegrationTests): trees kept small so that 32 trials
/// run one after another still finish in a few minutes on two cores.
/// </summary>
public static class SmallSearchSpaces
{
    public static IReadOnlyList<string> Algorithms { get; } = ["LogisticRegression", "FastTree", "LightGbm"];

    public static IReadOnlyList<SearchSpace> Spaces { get; } =
    [
        new("LogisticRegression", [ParameterRange.LogFloat("L1Regularization", 1e-4, 1), ParameterRange.LogFloat("L2Regularization", 1e-4, 1)]),
        new("FastTree", [ParameterRange.Integer("NumberOfLeaves", 4, 32), ParameterRange.Integer("NumberOfTrees", 20, 100), ParameterRange.LogFloat("LearningRate", 0.02, 0.3)]),
        new("LightGbm",
        [
            ParameterRange.Integer("NumberOfLeaves", 4, 32), ParameterRange.Integer("NumberOfIterations", 20, 150),
            ParameterRange.LogFloat("LearningRate", 0.02, 0.3), ParameterRange.Integer("MinimumExampleCountPerLeaf", 5, 50),
        ]),
    ];
}
