using System.Globalization;
using MLOps.Core.FeatureStore;
using MLOps.Core.Requirements;

namespace MLOps.Training.Data;

/// <summary>Materialises streamed feature frames into a <see cref="TrainingTable"/>.</summary>
internal static class TrainingTableLoader
{
    public static async Task<TrainingTable> LoadAsync(IAsyncEnumerable<FeatureFrame> frames, ModelTask task, string? positiveClass, CancellationToken cancellationToken)
    {
        if (task == ModelTask.BinaryClassification && string.IsNullOrEmpty(positiveClass))
        {
            throw new ArgumentException("Binary classification needs the positive class.", nameof(positiveClass));
        }

        string[]? names = null;
        var keys = new List<string>();
        var rows = new List<float[]>();
        var labels = new List<string>();
        List<bool>? holdout = null;
        bool first = true;
        await foreach (FeatureFrame frame in frames.WithCancellation(cancellationToken))
        {
            names ??= frame.Features.Select(f => f.Name).ToArray();
            if (!frame.Features.Select(f => f.Name).SequenceEqual(names, StringComparer.Ordinal))
            {
                throw new InvalidDataException("Feature frames disagree on their columns.");
            }

            if (frame.Labels is null)
            {
                throw new InvalidDataException("The feature set has no label column; training needs one.");
            }

            if (first)
            {
                holdout = frame.Holdout is null ? null : [];
                first = false;
            }
            else if ((holdout is null) != (frame.Holdout is null))
            {
                throw new InvalidDataException("Feature frames disagree on whether they record the holdout split.");
            }

            for (int r = 0; r < frame.Rows; r++)
            {
                // Rows without a label cannot be trained or scored against; the point-in-time join may leave some.
                if (frame.Labels[r] is not { Length: > 0 } label)
                {
                    continue;
                }

                var row = new float[names.Length];
                for (int c = 0; c < row.Length; c++)
                {
                    row[c] = (float)frame.Features[c].Values[r];
                }

                keys.Add(frame.Keys[r]);
                rows.Add(row);
                labels.Add(label);
                holdout?.Add(frame.Holdout![r]);
            }
        }

        names ??= [];
        float[][] features = rows.ToArray();
        bool[]? held = holdout?.ToArray();
        return task switch
        {
            ModelTask.BinaryClassification => Binary(names, keys, features, labels, positiveClass!, held),
            ModelTask.Regression => TrainingTable.Create(task, names, keys, features, regressionLabels: labels.Select(ParseTarget).ToArray(), holdout: held),
            _ => Multiclass(names, keys, features, labels, held),
        };
    }

    private static TrainingTable Binary(IReadOnlyList<string> names, List<string> keys, float[][] features, List<string> labels, string positive, bool[]? holdout)
    {
        bool[] y = labels.Select(l => string.Equals(l, positive, StringComparison.Ordinal)).ToArray();
        string negative = labels.FirstOrDefault(l => !string.Equals(l, positive, StringComparison.Ordinal)) ?? "not " + positive;
        return TrainingTable.Create(ModelTask.BinaryClassification, names, keys, features, binaryLabels: y, classNames: [negative, positive], holdout: holdout);
    }

    private static TrainingTable Multiclass(IReadOnlyList<string> names, List<string> keys, float[][] features, List<string> labels, bool[]? holdout)
    {
        // Ordinal order makes the class index independent of row order, so every split and re-run agrees on it.
        string[] classes = labels.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var index = classes.Select((c, i) => (c, i)).ToDictionary(p => p.c, p => (uint)p.i, StringComparer.Ordinal);
        return TrainingTable.Create(
            ModelTask.MulticlassClassification, names, keys, features, classLabels: labels.Select(l => index[l]).ToArray(), classNames: classes, holdout: holdout);
    }

    private static float ParseTarget(string label) =>
        float.TryParse(label, NumberStyles.Float, CultureInfo.InvariantCulture, out float value) && float.IsFinite(value)
            ? value
            : throw new InvalidDataException($"Regression label '{label}' is not a finite number.");
}
