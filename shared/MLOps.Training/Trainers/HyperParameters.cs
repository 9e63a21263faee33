namespace MLOps.Training.Trainers;

/// <summary>
/// The parameter names trials use; each algorithm reads only its own set and ignores the rest, so a search space may
/// list a subset. The numbers in <see cref="Trainers.DefaultSearchSpaces"/> document the ranges.
/// </summary>
public static class HyperParameters
{
    /// <summary>LogisticRegression.</summary>
    public const string L1Regularization = nameof(L1Regularization);

    /// <summary>LogisticRegression, LightGbm, OnlineGradientDescentRegression.</summary>
    public const string L2Regularization = nameof(L2Regularization);

    /// <summary>FastTree, FastForest, LightGbm.</summary>
    public const string NumberOfLeaves = nameof(NumberOfLeaves);

    /// <summary>FastTree, FastForest.</summary>
    public const string NumberOfTrees = nameof(NumberOfTrees);

    /// <summary>FastTree, FastForest, LightGbm.</summary>
    public const string MinimumExampleCountPerLeaf = nameof(MinimumExampleCountPerLeaf);

    /// <summary>FastTree, LightGbm, OnlineGradientDescentRegression.</summary>
    public const string LearningRate = nameof(LearningRate);

    /// <summary>LightGbm boosting rounds; OnlineGradientDescentRegression passes over the data.</summary>
    public const string NumberOfIterations = nameof(NumberOfIterations);
}
