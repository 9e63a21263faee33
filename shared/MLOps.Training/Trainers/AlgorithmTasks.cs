using MLOps.Core.Requirements;

namespace MLOps.Training.Trainers;

/// <summary>Which algorithms serve which task, so a search never schedules a regression learner on a label of classes.</summary>
public static class AlgorithmTasks
{
    private static readonly Algorithm[] Classification = [Algorithm.LogisticRegression, Algorithm.FastTree, Algorithm.FastForest, Algorithm.LightGbm];

    private static readonly Algorithm[] Regression =
        [Algorithm.OnlineGradientDescentRegression, Algorithm.FastTreeRegression, Algorithm.FastForestRegression, Algorithm.LightGbmRegression];

    public static IReadOnlyList<Algorithm> For(ModelTask task) => task == ModelTask.Regression ? Regression : Classification;

    public static bool Supports(this Algorithm algorithm, ModelTask task) => For(task).Contains(algorithm);

    /// <summary>Linear learners need imputed, scaled inputs; tree learners split on raw values and route NaN themselves.</summary>
    public static bool IsLinear(this Algorithm algorithm) =>
        algorithm is Algorithm.LogisticRegression or Algorithm.OnlineGradientDescentRegression;
}
