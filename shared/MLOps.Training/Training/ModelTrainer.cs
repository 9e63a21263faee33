using System.Diagnostics;
using Microsoft.ML;
using MLOps.Core.Experiments;
using MLOps.Core.Requirements;
using MLOps.Training.Data;
using MLOps.Training.Metrics;
using MLOps.Training.Trainers;

namespace MLOps.Training.Training;

/// <summary>Fits one algorithm with one parameter set; the same table, parameters and seed give the same model.</summary>
public static class ModelTrainer
{
    public static TrainedModel Train(TrainingTable train, Algorithm algorithm, IReadOnlyDictionary<string, string>? parameters = null, int seed = 0)
    {
        parameters ??= new Dictionary<string, string>();

        // A fresh context per fit: its random source advances as it is used, so a shared one would make a model depend
        // on whatever was trained before it.
        var ml = new MLContext(seed);
        IEstimator<ITransformer> pipeline = TrainerFactory.Create(ml, train.Task, algorithm, parameters, seed);
        IDataView data = DataViews.Labelled(ml, train, Weights(train, parameters));
        var clock = Stopwatch.StartNew();
        ITransformer model = pipeline.Fit(data);
        clock.Stop();
        return new TrainedModel(ml, model, algorithm, train.Task, train.FeatureNames, train.ClassNames, parameters, seed, clock.Elapsed);
    }

    /// <summary>Balanced weights from the rows this model is fitted on (each fold its own), or none.</summary>
    private static float[]? Weights(TrainingTable train, IReadOnlyDictionary<string, string> parameters) =>
        ClassWeights.Of(parameters) == ClassWeighting.Balanced && train.Task != ModelTask.Regression
            ? ClassWeights.Balanced(Enumerable.Range(0, train.Rows).Select(train.Stratum).ToArray())
            : null;

    /// <summary>Stratified k-fold: each fold trains on the other k − 1 folds with the same seed and scores its own rows.</summary>
    public static CrossValidationResult CrossValidate(TrainingTable table, Algorithm algorithm, IReadOnlyDictionary<string, string>? parameters = null, int folds = 5, int seed = 0)
    {
        ModelMetrics[] metrics = table.KFold(folds, seed)
            .Select(split => Train(split.Train, algorithm, parameters, seed).Evaluate(split.Test))
            .ToArray();
        return CrossValidationResult.From(metrics);
    }
}
