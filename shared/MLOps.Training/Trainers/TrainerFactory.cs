using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Microsoft.ML.Trainers.FastTree;
using Microsoft.ML.Trainers.LightGbm;
using Microsoft.ML.Transforms;
using MLOps.Core.Experiments;
using MLOps.Core.Requirements;

namespace MLOps.Training.Trainers;

/// <summary>
/// Builds the ML.NET pipeline for one trial. Every learner runs single-threaded: multi-threaded tree building and
/// L-BFGS gradient sums reorder floating-point additions, and re-running a trial must reproduce its metrics exactly.
/// </summary>
internal static class TrainerFactory
{
    public const string Features = "Features";
    public const string Label = "Label";
    public const string Weight = "Weight";

    public static IEstimator<ITransformer> Create(MLContext ml, ModelTask task, Algorithm algorithm, IReadOnlyDictionary<string, string> parameters, int seed)
    {
        if (!algorithm.Supports(task))
        {
            throw new ArgumentException($"{algorithm} does not serve {task}.", nameof(algorithm));
        }

        var p = new Reader(TrainerDefaults.For(algorithm), parameters);
        if (p.Weighted && task == ModelTask.Regression)
        {
            throw new ArgumentException("Class weights apply to classification only.", nameof(parameters));
        }

        IEstimator<ITransformer> learner = task switch
        {
            ModelTask.BinaryClassification => Binary(ml, algorithm, p, seed),
            ModelTask.MulticlassClassification => Multiclass(ml, algorithm, p, seed),
            _ => Regression(ml, algorithm, p, seed),
        };

        if (!algorithm.IsLinear())
        {
            return learner;
        }

        // Fitted on the training split only, so holdout statistics never leak into the model; both export to ONNX.
        return ml.Transforms.ReplaceMissingValues(Features, replacementMode: MissingValueReplacingEstimator.ReplacementMode.Mean)
            .Append(ml.Transforms.NormalizeMeanVariance(Features))
            .Append(learner);
    }

    private static IEstimator<ITransformer> Binary(MLContext ml, Algorithm algorithm, Reader p, int seed) => algorithm switch
    {
        Algorithm.LogisticRegression => ml.BinaryClassification.Trainers.LbfgsLogisticRegression(new LbfgsLogisticRegressionBinaryTrainer.Options
        {
            L1Regularization = p.Float(HyperParameters.L1Regularization),
            L2Regularization = p.Float(HyperParameters.L2Regularization),
            NumberOfThreads = 1,
            ExampleWeightColumnName = p.WeightColumn,
        }),
        Algorithm.FastTree => ml.BinaryClassification.Trainers.FastTree(FastTreeBinary(p, seed)),

        // Random forests emit an uncalibrated score; Platt scaling gives log-loss a probability and exports to ONNX.
        Algorithm.FastForest => ml.BinaryClassification.Trainers.FastForest(FastForestBinary(p, seed))
            .Append(ml.BinaryClassification.Calibrators.Platt(exampleWeightColumnName: p.WeightColumn)),
        Algorithm.LightGbm => ml.BinaryClassification.Trainers.LightGbm(GbmBinary(p, seed)),
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, null),
    };

    private static IEstimator<ITransformer> Multiclass(MLContext ml, Algorithm algorithm, Reader p, int seed) => algorithm switch
    {
        Algorithm.LogisticRegression => ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(new LbfgsMaximumEntropyMulticlassTrainer.Options
        {
            L1Regularization = p.Float(HyperParameters.L1Regularization),
            L2Regularization = p.Float(HyperParameters.L2Regularization),
            NumberOfThreads = 1,
            ExampleWeightColumnName = p.WeightColumn,
        }),
        Algorithm.FastTree => ml.MulticlassClassification.Trainers.OneVersusAll(ml.BinaryClassification.Trainers.FastTree(FastTreeBinary(p, seed))),
        Algorithm.FastForest => ml.MulticlassClassification.Trainers.OneVersusAll(ml.BinaryClassification.Trainers.FastForest(FastForestBinary(p, seed))),
        Algorithm.LightGbm => ml.MulticlassClassification.Trainers.LightGbm(GbmMulticlass(p, seed)),
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, null),
    };

    private static IEstimator<ITransformer> Regression(MLContext ml, Algorithm algorithm, Reader p, int seed) => algorithm switch
    {
        Algorithm.OnlineGradientDescentRegression => ml.Regression.Trainers.OnlineGradientDescent(new OnlineGradientDescentTrainer.Options
        {
            LearningRate = p.Float(HyperParameters.LearningRate),
            NumberOfIterations = p.Int(HyperParameters.NumberOfIterations),
            L2Regularization = p.Float(HyperParameters.L2Regularization),
        }),
        Algorithm.FastTreeRegression => ml.Regression.Trainers.FastTree(Tree(new FastTreeRegressionTrainer.Options { LearningRate = p.Double(HyperParameters.LearningRate) }, p, seed)),
        Algorithm.FastForestRegression => ml.Regression.Trainers.FastForest(Tree(new FastForestRegressionTrainer.Options(), p, seed)),
        Algorithm.LightGbmRegression => ml.Regression.Trainers.LightGbm(GbmRegression(p, seed)),
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, null),
    };

    private static FastTreeBinaryTrainer.Options FastTreeBinary(Reader p, int seed) =>
        Tree(new FastTreeBinaryTrainer.Options { LearningRate = p.Double(HyperParameters.LearningRate) }, p, seed);

    private static FastForestBinaryTrainer.Options FastForestBinary(Reader p, int seed) => Tree(new FastForestBinaryTrainer.Options(), p, seed);

    private static T Tree<T>(T options, Reader p, int seed)
        where T : TreeOptions
    {
        options.NumberOfLeaves = p.Int(HyperParameters.NumberOfLeaves);
        options.NumberOfTrees = p.Int(HyperParameters.NumberOfTrees);
        options.MinimumExampleCountPerLeaf = p.Int(HyperParameters.MinimumExampleCountPerLeaf);
        options.NumberOfThreads = 1;
        options.Seed = seed;
        options.FeatureSelectionSeed = seed;
        options.ExampleWeightColumnName = p.WeightColumn;
        return options;
    }

    // The three LightGBM option types share a generic base whose type arguments differ per task, so each is filled
    // through the same setter list rather than a generic constraint that would need four type parameters.
    private static LightGbmBinaryTrainer.Options GbmBinary(Reader p, int seed)
    {
        var o = new LightGbmBinaryTrainer.Options { UseCategoricalSplit = false, NumberOfThreads = 1, Seed = seed, Verbose = false, Silent = true, ExampleWeightColumnName = p.WeightColumn };
        (o.NumberOfLeaves, o.NumberOfIterations, o.LearningRate, o.MinimumExampleCountPerLeaf) = Gbm(p);
        o.Booster = new GradientBooster.Options { L2Regularization = p.Double(HyperParameters.L2Regularization) };
        return o;
    }

    private static LightGbmMulticlassTrainer.Options GbmMulticlass(Reader p, int seed)
    {
        var o = new LightGbmMulticlassTrainer.Options { UseCategoricalSplit = false, NumberOfThreads = 1, Seed = seed, Verbose = false, Silent = true, ExampleWeightColumnName = p.WeightColumn };
        (o.NumberOfLeaves, o.NumberOfIterations, o.LearningRate, o.MinimumExampleCountPerLeaf) = Gbm(p);
        o.Booster = new GradientBooster.Options { L2Regularization = p.Double(HyperParameters.L2Regularization) };
        return o;
    }

    private static LightGbmRegressionTrainer.Options GbmRegression(Reader p, int seed)
    {
        var o = new LightGbmRegressionTrainer.Options { UseCategoricalSplit = false, NumberOfThreads = 1, Seed = seed, Verbose = false, Silent = true };
        (o.NumberOfLeaves, o.NumberOfIterations, o.LearningRate, o.MinimumExampleCountPerLeaf) = Gbm(p);
        o.Booster = new GradientBooster.Options { L2Regularization = p.Double(HyperParameters.L2Regularization) };
        return o;
    }

    private static (int Leaves, int Iterations, double Rate, int MinRows) Gbm(Reader p) =>
        (p.Int(HyperParameters.NumberOfLeaves), p.Int(HyperParameters.NumberOfIterations), p.Double(HyperParameters.LearningRate), p.Int(HyperParameters.MinimumExampleCountPerLeaf));

    /// <summary>Trial values over defaults; unknown names are ignored so one search space may serve several learners.</summary>
    private sealed class Reader(IReadOnlyDictionary<string, string> defaults, IReadOnlyDictionary<string, string> trial)
    {
        public double Double(string name) => TrialParameters.GetDouble(trial, name) ?? TrialParameters.GetDouble(defaults, name)!.Value;

        public float Float(string name) => (float)this.Double(name);

        public int Int(string name) => TrialParameters.GetInt(trial, name) ?? TrialParameters.GetInt(defaults, name)!.Value;

        public bool Weighted { get; } = ClassWeights.Of(trial) != ClassWeighting.None;

        /// <summary>The example-weight column when the trial weights classes; null leaves every trainer unweighted, as before.</summary>
        public string? WeightColumn => this.Weighted ? Weight : null;
    }
}
