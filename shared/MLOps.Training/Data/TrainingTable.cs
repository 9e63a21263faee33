using MLOps.Core.FeatureStore;
using MLOps.Core.Requirements;

namespace MLOps.Training.Data;

/// <summary>
/// A feature set materialised row-major in single precision, as ML.NET and ONNX consume it. Missing values stay NaN:
/// tree learners route them natively and the linear pipelines impute them with statistics fitted on the training split.
/// Exactly one label array is set, matching <see cref="Task"/>.
/// </summary>
public sealed class TrainingTable
{
    internal TrainingTable(
        ModelTask task,
        IReadOnlyList<string> featureNames,
        IReadOnlyList<string> keys,
        float[][] features,
        bool[]? binaryLabels,
        float[]? regressionLabels,
        uint[]? classLabels,
        IReadOnlyList<string> classNames,
        bool[]? holdout)
    {
        this.Task = task;
        this.FeatureNames = featureNames;
        this.Keys = keys;
        this.Features = features;
        this.BinaryLabels = binaryLabels;
        this.RegressionLabels = regressionLabels;
        this.ClassLabels = classLabels;
        this.ClassNames = classNames;
        this.Holdout = holdout;
    }

    public ModelTask Task { get; }

    public IReadOnlyList<string> FeatureNames { get; }

    public IReadOnlyList<string> Keys { get; }

    /// <summary>One array of <see cref="Width"/> values per row.</summary>
    public float[][] Features { get; }

    /// <summary>Binary classification: true when the raw label is the positive class.</summary>
    public bool[]? BinaryLabels { get; }

    public float[]? RegressionLabels { get; }

    /// <summary>Multiclass: the 0-based index into <see cref="ClassNames"/>.</summary>
    public uint[]? ClassLabels { get; }

    /// <summary>Multiclass class names in ordinal order; for binary, the negative and positive names seen.</summary>
    public IReadOnlyList<string> ClassNames { get; }

    /// <summary>
    /// The holdout split recorded in the feature set, one flag per row (true: holdout); null for a table that does
    /// not come from a feature set with a recorded split. <see cref="TrainingTableSplits.RecordedHoldout"/> uses it.
    /// </summary>
    public bool[]? Holdout { get; }

    public int Rows => this.Keys.Count;

    public int Width => this.FeatureNames.Count;

    public static Task<TrainingTable> LoadAsync(IAsyncEnumerable<FeatureFrame> frames, ProjectSpec spec, CancellationToken cancellationToken = default) =>
        TrainingTableLoader.LoadAsync(frames, spec.Task, spec.Target.PositiveClass, cancellationToken);

    public static Task<TrainingTable> LoadAsync(IAsyncEnumerable<FeatureFrame> frames, ModelTask task, string? positiveClass, CancellationToken cancellationToken = default) =>
        TrainingTableLoader.LoadAsync(frames, task, positiveClass, cancellationToken);

    /// <summary>The given rows, in the given order; labels and class names carry over so splits stay comparable.</summary>
    public TrainingTable Subset(IReadOnlyList<int> rows)
    {
        return new TrainingTable(
            this.Task,
            this.FeatureNames,
            rows.Select(r => this.Keys[r]).ToArray(),
            rows.Select(r => this.Features[r]).ToArray(),
            this.BinaryLabels is { } b ? rows.Select(r => b[r]).ToArray() : null,
            this.RegressionLabels is { } y ? rows.Select(r => y[r]).ToArray() : null,
            this.ClassLabels is { } c ? rows.Select(r => c[r]).ToArray() : null,
            this.ClassNames,
            this.Holdout is { } h ? rows.Select(r => h[r]).ToArray() : null);
    }

    /// <summary>A copy whose feature arrays are new, so a caller may overwrite values (permutation importance) safely.</summary>
    public TrainingTable WithFeatures(float[][] features)
    {
        if (features.Length != this.Rows || features.Any(f => f.Length != this.Width))
        {
            throw new ArgumentException($"Expected {this.Rows} rows of {this.Width} features.", nameof(features));
        }

        return new TrainingTable(this.Task, this.FeatureNames, this.Keys, features, this.BinaryLabels, this.RegressionLabels, this.ClassLabels, this.ClassNames, this.Holdout);
    }

    /// <summary>The stratum of each row for stratified splits: the class for classification, one stratum for regression.</summary>
    internal int Stratum(int row) => this.Task switch
    {
        ModelTask.BinaryClassification => this.BinaryLabels![row] ? 1 : 0,
        ModelTask.MulticlassClassification => (int)this.ClassLabels![row],
        _ => 0,
    };

    /// <summary>Creates a table directly, for callers (and tests) that already hold arrays.</summary>
    public static TrainingTable Create(
        ModelTask task,
        IReadOnlyList<string> featureNames,
        IReadOnlyList<string> keys,
        float[][] features,
        bool[]? binaryLabels = null,
        float[]? regressionLabels = null,
        uint[]? classLabels = null,
        IReadOnlyList<string>? classNames = null,
        bool[]? holdout = null)
    {
        int expected = task switch
        {
            ModelTask.BinaryClassification => binaryLabels?.Length ?? -1,
            ModelTask.Regression => regressionLabels?.Length ?? -1,
            _ => classLabels?.Length ?? -1,
        };
        if (expected != keys.Count || features.Length != keys.Count || features.Any(f => f.Length != featureNames.Count)
            || (holdout is not null && holdout.Length != keys.Count))
        {
            throw new ArgumentException(
                $"Labels, keys, features and any holdout flags must have one entry per row, each row {featureNames.Count} wide, and the label array must match {task}.");
        }

        return new TrainingTable(task, featureNames, keys, features, binaryLabels, regressionLabels, classLabels, classNames ?? [], holdout);
    }
}
