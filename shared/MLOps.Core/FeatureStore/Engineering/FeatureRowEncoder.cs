using MLOps.Core.DataEngineering.Profiling;
using MLOps.Core.Requirements;

namespace MLOps.Core.FeatureStore.Engineering;

/// <summary>
/// A fitted feature set bound to one header: source columns are located once, then each row is encoded into a
/// caller's span without allocating per value. Missing or unusable values give NaN, never ±∞, and indicators give
/// zeros (<see cref="FeatureValues"/>); <see cref="FindUnusable"/> tells which features lost a present value.
/// </summary>
public sealed class FeatureRowEncoder
{
    private readonly FittedFeature[] features;
    private readonly int[][] sources;
    private readonly Dictionary<string, int>[] categories;

    internal FeatureRowEncoder(FittedFeatureSet set, IReadOnlyList<string> header)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(header);
        this.features = [.. set.Features];
        this.Width = set.Columns.Count;
        this.sources = this.features.Select(f => SourcesOf(f.Definition).Select(s => IndexOf(header, s, f.Definition.Name)).ToArray()).ToArray();
        this.categories = this.features
            .Select(f => (f.Categories ?? []).Select((c, i) => (c, i)).ToDictionary(p => p.c, p => p.i, StringComparer.Ordinal))
            .ToArray();
    }

    /// <summary>The number of output columns.</summary>
    public int Width { get; }

    /// <summary>The fitted features, in output order.</summary>
    public IReadOnlyList<FittedFeature> Features => this.features;

    /// <summary>Encodes one row; a value that cannot be read (not a number, not a date) encodes as missing.</summary>
    public void Apply(IReadOnlyList<string> fields, Span<double> output)
    {
        ArgumentNullException.ThrowIfNull(fields);
        if (output.Length != this.Width)
        {
            throw new ArgumentException($"The output span must hold {this.Width} values, not {output.Length}.", nameof(output));
        }

        int at = 0;
        for (int f = 0; f < this.features.Length; f++)
        {
            FittedFeature feature = this.features[f];
            Span<double> slot = output.Slice(at, feature.Outputs.Count);
            at += slot.Length;
            int[] index = this.sources[f];
            switch (feature.Definition.Transform)
            {
                case OneHotTransform:
                    this.OneHot(f, fields[index[0]], slot);
                    break;
                case HashingTransform:
                    Hashing(fields, index, slot);
                    break;
                default:
                    slot[0] = Scalar(feature, fields, index);
                    break;
            }
        }
    }

    /// <summary>
    /// For each feature of an encoded row, whether its source values were present and, if so, whether the feature
    /// used them or came out missing (NaN) or, for a one-hot feature, in no category (an unseen value and no "other").
    /// </summary>
    public void Classify(IReadOnlyList<string> fields, ReadOnlySpan<double> output, Span<FeatureUse> uses)
    {
        ArgumentNullException.ThrowIfNull(fields);
        if (output.Length != this.Width || uses.Length != this.features.Length)
        {
            throw new ArgumentException($"Expected {this.Width} values and {this.features.Length} uses.", nameof(uses));
        }

        int at = 0;
        for (int f = 0; f < this.features.Length; f++)
        {
            ReadOnlySpan<double> slot = output.Slice(at, this.features[f].Outputs.Count);
            at += slot.Length;
            bool present = true;
            foreach (int index in this.sources[f])
            {
                present &= !MissingValues.IsMissing(fields[index]);
            }

            bool lost = this.features[f].Definition.Transform switch
            {
                OneHotTransform => !slot.Contains(1.0),
                HashingTransform => false,
                _ => double.IsNaN(slot[0]),
            };
            uses[f] = !present ? FeatureUse.SourceMissing : lost ? FeatureUse.Lost : FeatureUse.Used;
        }
    }

    /// <summary>The header positions of a feature's source columns.</summary>
    public IReadOnlyList<int> SourceIndexes(int feature) => this.sources[feature];

    internal static IReadOnlyList<string> SourcesOf(FeatureDefinition definition) =>
        definition.Transform is RatioTransform ratio ? [ratio.Numerator, ratio.Denominator] : definition.Sources;

    private static double Scalar(FittedFeature feature, IReadOnlyList<string> fields, int[] index)
    {
        string raw = fields[index[0]];
        switch (feature.Definition.Transform)
        {
            case DatePartTransform datePart:
                return ValueParsing.TryDateTime(raw, out DateTime date) ? FeatureTransforms.DatePartOf(date, datePart.Part) : double.NaN;
            case RatioTransform:
                return FeatureTransforms.Ratio(FeatureValues.Number(raw), FeatureValues.Number(fields[index[1]]));
        }

        double x = FeatureValues.Number(raw);
        return feature.Definition.Transform switch
        {
            IdentityTransform => x,
            StandardizeTransform => FeatureTransforms.Standardize(x, feature.Mean!.Value, feature.StandardDeviation!.Value),
            LogTransform log => FeatureTransforms.Log(x, log.Offset),
            BucketizeTransform bucketize => FeatureTransforms.Bucket(x, bucketize.Boundaries),
            _ => throw new InvalidOperationException($"Feature '{feature.Definition.Name}' has no scalar encoding."),
        };
    }

    private void OneHot(int feature, string raw, Span<double> slot)
    {
        slot.Clear();
        if (MissingValues.IsMissing(raw))
        {
            return;
        }

        if (this.categories[feature].TryGetValue(raw, out int i))
        {
            slot[i] = 1;
        }
        else if (this.features[feature].HasOther)
        {
            slot[^1] = 1;
        }
    }

    private static void Hashing(IReadOnlyList<string> fields, int[] index, Span<double> slot)
    {
        slot.Clear();
        var values = new string[index.Length];
        for (int i = 0; i < index.Length; i++)
        {
            values[i] = fields[index[i]];
            if (MissingValues.IsMissing(values[i]))
            {
                return;
            }
        }

        slot[StableHash.Bucket(values, slot.Length)] = 1;
    }

    private static int IndexOf(IReadOnlyList<string> header, string column, string feature)
    {
        for (int i = 0; i < header.Count; i++)
        {
            if (string.Equals(header[i], column, StringComparison.Ordinal))
            {
                return i;
            }
        }

        throw new ArgumentException($"Feature '{feature}' reads the column '{column}', which the header does not have.", nameof(header));
    }
}
