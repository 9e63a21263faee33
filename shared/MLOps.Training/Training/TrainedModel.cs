using Microsoft.ML;
using Microsoft.ML.Data;
using MLOps.Core.Requirements;
using MLOps.Training.Data;
using MLOps.Training.Metrics;
using MLOps.Training.Trainers;

namespace MLOps.Training.Training;

/// <summary>A fitted pipeline with what is needed to score, evaluate and export it.</summary>
public sealed class TrainedModel
{
    internal TrainedModel(MLContext ml, ITransformer transformer, Algorithm algorithm, ModelTask task, IReadOnlyList<string> featureNames, IReadOnlyList<string> classNames, IReadOnlyDictionary<string, string> parameters, int seed, TimeSpan trainingTime)
    {
        this.Context = ml;
        this.Transformer = transformer;
        this.Algorithm = algorithm;
        this.Task = task;
        this.FeatureNames = featureNames;
        this.ClassNames = classNames;
        this.Parameters = parameters;
        this.Seed = seed;
        this.TrainingTime = trainingTime;
    }

    public Algorithm Algorithm { get; }

    public ModelTask Task { get; }

    public IReadOnlyList<string> FeatureNames { get; }

    public IReadOnlyList<string> ClassNames { get; }

    /// <summary>The trial's parameters as given; defaults fill the rest (see <see cref="TrainerDefaults"/>).</summary>
    public IReadOnlyDictionary<string, string> Parameters { get; }

    public int Seed { get; }

    public TimeSpan TrainingTime { get; }

    public ITransformer Transformer { get; }

    internal MLContext Context { get; }

    /// <summary>
    /// One array per row: [positive-class probability] for binary, [score] for regression, the class probabilities for
    /// multiclass. This is also what the ONNX parity check compares.
    /// </summary>
    public float[][] Predict(TrainingTable table) => this.Predict(table.Features);

    public float[][] Predict(IReadOnlyList<float[]> features)
    {
        IDataView scored = this.Transformer.Transform(DataViews.FeaturesOnly(this.Context, features, this.FeatureNames.Count));
        return this.Task switch
        {
            ModelTask.BinaryClassification => scored.GetColumn<float>("Probability").Select(p => new[] { p }).ToArray(),
            ModelTask.Regression => scored.GetColumn<float>("Score").Select(s => new[] { s }).ToArray(),
            _ => scored.GetColumn<VBuffer<float>>("Score").Select(v => v.DenseValues().ToArray()).ToArray(),
        };
    }

    public ModelMetrics Evaluate(TrainingTable table)
    {
        float[][] predicted = this.Predict(table);
        return this.Task switch
        {
            ModelTask.BinaryClassification => MetricsCalculator.Binary(table.BinaryLabels!, predicted.Select(p => p[0]).ToArray()),
            ModelTask.Regression => MetricsCalculator.Regression(table.RegressionLabels!, predicted.Select(p => p[0]).ToArray()),
            _ => MetricsCalculator.Multiclass(table.ClassLabels!, predicted, table.ClassNames.Count),
        };
    }
}
