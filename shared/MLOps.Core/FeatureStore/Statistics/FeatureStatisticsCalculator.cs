using System.Globalization;
using MLOps.Core.Requirements;
using MLOps.Core.Statistics;

namespace MLOps.Core.FeatureStore;

/// <summary>
/// Per-feature AUC / |r|, information value, missing share and PSI against the previous version, ranked for
/// feature selection.
/// </summary>
/// <remarks>
/// Frames are read once; each feature column is gathered into one double[] (memory: rows × features × 8 bytes,
/// one copy), because AUC and quantile bins need the whole column. IV uses quantile bins (deciles) for every
/// feature: a 0/1 indicator's decile edges collapse to one edge, which is exactly its two categories, so no
/// separate categorical path is needed. Labels are raw strings; an event is label == PositiveClass (ordinal).
/// Multiclass without a positive class averages the one-vs-rest separation and IV over the classes. In a version
/// that records a holdout split, the label-based scores (AUC, IV, correlation) use the training rows only, so a
/// feature chosen by its rank has not been chosen by the holdout; missing share and PSI describe every row.
/// </remarks>
public sealed class FeatureStatisticsCalculator(int bins = FeatureStatisticsCalculator.DefaultBins)
{
    public const int DefaultBins = 10;

    /// <summary>Quantile bins for IV and PSI (deciles by default, the usual scorecard and monitoring setup).</summary>
    public int Bins { get; } = bins >= 2 ? bins : throw new ArgumentOutOfRangeException(nameof(bins), bins, "IV and PSI need at least 2 bins.");

    public async Task<FeatureStatistics> ComputeAsync(
        FeatureSetVersion version,
        IAsyncEnumerable<FeatureFrame> frames,
        ModelTask task,
        string? positiveClass = null,
        FeatureSetVersion? previous = null,
        IAsyncEnumerable<FeatureFrame>? previousFrames = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(version);
        ArgumentNullException.ThrowIfNull(frames);
        if (task == ModelTask.BinaryClassification && string.IsNullOrEmpty(positiveClass))
        {
            throw new ArgumentException($"Binary classification statistics of {version.Project} v{version.Version} need the positive class.", nameof(positiveClass));
        }

        if ((previous is null) != (previousFrames is null))
        {
            throw new ArgumentException("Give both the previous version and its frames, or neither.", nameof(previousFrames));
        }

        (double[][] columns, List<string?> labels, List<bool> holdout) = await CollectAsync(version, frames, needLabels: true, cancellationToken);
        Dictionary<string, double[]>? before = null;
        if (previous is not null)
        {
            string[] shared = [.. version.Features.Intersect(previous.Features, StringComparer.Ordinal)];
            (double[][] previousColumns, _, _) = await CollectAsync(previous with { Features = shared }, previousFrames!, needLabels: false, cancellationToken);
            before = shared.Select((f, i) => (f, i)).ToDictionary(x => x.f, x => previousColumns[x.i], StringComparer.Ordinal);
        }

        Func<double[], bool[], Scores> score = task switch
        {
            ModelTask.Regression => Regression(version, labels),
            _ => this.Classification(labels, positiveClass),
        };
        var unranked = new List<FeatureStatistic>(version.Features.Count);
        for (int f = 0; f < version.Features.Count; f++)
        {
            double[] column = columns[f];
            bool[] usable = [.. column.Select((v, r) => !double.IsNaN(v) && !string.IsNullOrEmpty(labels[r]) && !holdout[r])];
            Scores s = score(column, usable);
            double? psi = null;
            if (before?.GetValueOrDefault(version.Features[f]) is { } old && PresentValues(old) is { Length: > 0 } expected
                && PresentValues(column) is { Length: > 0 } actual)
            {
                psi = PopulationStabilityIndex.Compute(expected, actual, this.Bins);
            }

            unranked.Add(new FeatureStatistic(
                version.Features[f],
                0,
                s.Importance,
                column.Length == 0 ? 0 : column.Count(double.IsNaN) / (double)column.Length,
                usable.LongCount(u => u),
                s.Auc,
                s.Separation,
                s.Correlation,
                s.InformationValue,
                psi));
        }

        FeatureStatistic[] ranked = [.. unranked
            .OrderBy(s => s.Importance is null ? 1 : 0)
            .ThenByDescending(s => s.Importance ?? 0)
            .ThenBy(s => s.Name, StringComparer.Ordinal)
            .Select((s, i) => s with { Rank = i + 1 })];
        return new FeatureStatistics(version.Project, version.Version, task, positiveClass, labels.Count, ranked, previous?.Version);
    }

    private static double[] PresentValues(double[] column) => [.. column.Where(v => !double.IsNaN(v))];

    private Func<double[], bool[], Scores> Classification(List<string?> labels, string? positiveClass)
    {
        string[] classes = positiveClass is { } positive
            ? [positive]
            : [.. labels.OfType<string>().Where(l => l.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        return (column, usable) =>
        {
            double[] x = Pick(column, usable);
            var perClass = new List<(double Auc, double Iv)>();
            foreach (string @class in classes)
            {
                bool[] isEvent = Pick(labels.Select(l => string.Equals(l, @class, StringComparison.Ordinal)).ToArray(), usable);
                if (isEvent.Contains(true) && isEvent.Contains(false))
                {
                    perClass.Add((UnivariateAuc.Compute(x, isEvent), InformationValue.ForNumeric(x, isEvent, this.Bins).Value));
                }
            }

            if (perClass.Count == 0)
            {
                return new Scores(null, null, null, null, null);
            }

            double separation = perClass.Average(c => Math.Max(c.Auc, 1 - c.Auc));
            return new Scores(separation, classes.Length == 1 ? perClass[0].Auc : null, separation, null, perClass.Average(c => c.Iv));
        };
    }

    private static Func<double[], bool[], Scores> Regression(FeatureSetVersion version, List<string?> labels)
    {
        double[] y = [.. labels.Select(l => string.IsNullOrEmpty(l)
            ? double.NaN
            : double.TryParse(l, NumberStyles.Float, CultureInfo.InvariantCulture, out double v)
                ? v
                : throw new InvalidDataException($"The label '{l}' of {version.Project} v{version.Version} is not a number; regression needs numeric labels."))];
        return (column, usable) =>
        {
            bool[] both = [.. usable.Select((u, r) => u && !double.IsNaN(y[r]))];
            double[] x = Pick(column, both);
            if (x.Length < 2)
            {
                return new Scores(null, null, null, null, null);
            }

            double r = Correlation.Pearson(x, Pick(y, both));
            return double.IsNaN(r) ? new Scores(null, null, null, null, null) : new Scores(Math.Abs(r), null, null, r, null);
        };
    }

    private static T[] Pick<T>(IReadOnlyList<T> values, bool[] keep)
    {
        var picked = new List<T>(values.Count);
        for (int i = 0; i < keep.Length; i++)
        {
            if (keep[i])
            {
                picked.Add(values[i]);
            }
        }

        return [.. picked];
    }

    private static async Task<(double[][] Columns, List<string?> Labels, List<bool> Holdout)> CollectAsync(
        FeatureSetVersion version, IAsyncEnumerable<FeatureFrame> frames, bool needLabels, CancellationToken cancellationToken)
    {
        var columns = version.Features.Select(_ => new List<double>()).ToArray();
        var labels = new List<string?>();
        var holdout = new List<bool>();
        await foreach (FeatureFrame frame in frames.WithCancellation(cancellationToken))
        {
            if (needLabels && frame.Labels is null)
            {
                throw new InvalidDataException($"A frame of {version.Project} v{version.Version} has no labels; feature statistics need the label.");
            }

            for (int f = 0; f < columns.Length; f++)
            {
                FeatureColumn column = frame.Find(version.Features[f])
                    ?? throw new InvalidDataException($"A frame of {version.Project} v{version.Version} lacks the feature '{version.Features[f]}'.");
                if (column.Values.Count != frame.Rows)
                {
                    throw new InvalidDataException($"Feature '{column.Name}' has {column.Values.Count} values for {frame.Rows} rows.");
                }

                columns[f].AddRange(column.Values);
            }

            if (needLabels)
            {
                labels.AddRange(frame.Labels!);
                holdout.AddRange(frame.Holdout ?? Enumerable.Repeat(false, frame.Rows));
            }
        }

        return ([.. columns.Select(c => c.ToArray())], labels, holdout);
    }

    private sealed record Scores(double? Importance, double? Auc, double? Separation, double? Correlation, double? InformationValue);
}
