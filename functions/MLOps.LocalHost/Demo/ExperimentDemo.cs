namespace MLOps.LocalHost.Demo;

/// <summary>The demo's experiment: all four strategies, three algorithms, search spaces kept small enough for a laptop.</summary>
internal static class ExperimentDemo
{
    public static object Request(string project) => new
    {
        project,
        algorithms = new[] { "LogisticRegression", "FastTree", "LightGbm" },
        spaces = new object[]
        {
            Space("LogisticRegression", Range("L1Regularization", "LogFloat", 1e-4, 1), Range("L2Regularization", "LogFloat", 1e-4, 1)),
            Space("FastTree", Range("NumberOfLeaves", "Integer", 4, 32), Range("NumberOfTrees", "Integer", 20, 100), Range("LearningRate", "LogFloat", 0.02, 0.3)),
            Space("LightGbm", Range("NumberOfLeaves", "Integer", 4, 32), Range("NumberOfIterations", "Integer", 20, 150),
                Range("LearningRate", "LogFloat", 0.02, 0.3), Range("MinimumExampleCountPerLeaf", "Integer", 5, 50)),
        },
        search = new[] { Stage("Grid"), Stage("Random"), Stage("Bayesian"), Stage("Genetic") },
        folds = 3,
        maxParallel = 4,
    };

    private static object Stage(string strategy) => new { strategy, trials = 6 };

    private static object Space(string algorithm, params object[] parameters) => new { algorithm, parameters };

    private static object Range(string name, string kind, double low, double high) => new { name, kind, low, high };
}
