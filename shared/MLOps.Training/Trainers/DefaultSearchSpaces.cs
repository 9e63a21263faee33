using MLOps.Core.Experiments;

namespace MLOps.Training.Trainers;

/// <summary>
/// The ranges a search starts from when the project names none. They bracket the trainers' defaults and stay small
/// enough for a trial to finish in seconds on the bundled data; projects with larger data widen them.
/// </summary>
public static class DefaultSearchSpaces
{
    public static SearchSpace For(Algorithm algorithm) => new(algorithm.ToString(), algorithm switch
    {
        Algorithm.LogisticRegression =>
        [
            ParameterRange.LogFloat(HyperParameters.L1Regularization, 1e-4, 10),
            ParameterRange.LogFloat(HyperParameters.L2Regularization, 1e-4, 10),
        ],
        Algorithm.FastTree or Algorithm.FastTreeRegression =>
        [
            ParameterRange.Integer(HyperParameters.NumberOfLeaves, 4, 64),
            ParameterRange.Integer(HyperParameters.NumberOfTrees, 20, 500),
            ParameterRange.Integer(HyperParameters.MinimumExampleCountPerLeaf, 2, 100),
            ParameterRange.LogFloat(HyperParameters.LearningRate, 0.01, 0.5),
        ],
        Algorithm.FastForest or Algorithm.FastForestRegression =>
        [
            ParameterRange.Integer(HyperParameters.NumberOfLeaves, 4, 64),
            ParameterRange.Integer(HyperParameters.NumberOfTrees, 20, 500),
            ParameterRange.Integer(HyperParameters.MinimumExampleCountPerLeaf, 2, 100),
        ],
        Algorithm.LightGbm or Algorithm.LightGbmRegression =>
        [
            ParameterRange.Integer(HyperParameters.NumberOfLeaves, 4, 128),
            ParameterRange.Integer(HyperParameters.NumberOfIterations, 20, 500),
            ParameterRange.LogFloat(HyperParameters.LearningRate, 0.01, 0.5),
            ParameterRange.Integer(HyperParameters.MinimumExampleCountPerLeaf, 2, 100),
            ParameterRange.LogFloat(HyperParameters.L2Regularization, 1e-4, 10),
        ],
        Algorithm.OnlineGradientDescentRegression =>
        [
            ParameterRange.LogFloat(HyperParameters.LearningRate, 1e-3, 1),
            ParameterRange.Integer(HyperParameters.NumberOfIterations, 1, 50),
            ParameterRange.LogFloat(HyperParameters.L2Regularization, 1e-6, 1),
        ],
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, null),
    });
}
