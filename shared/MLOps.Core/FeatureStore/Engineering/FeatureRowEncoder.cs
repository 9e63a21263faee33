using MLOps.Core.DataEngineering.Profiling;
using MLOps.Core.Requirements;

namespace MLOps.Core.FeatureStore.Engineering;

/// <summary>
/// A fitted feature set bound to one header: source columns are located once, then each row is encoded into a
/// caller's span without allocating per value. Missing or unusable numbers give NaN; indicators give zeros.
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

    /// <summary>Encodes one row; throws <see cref="InvalidDataException"/> naming the feature for unparseable input.</summary>
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

    internal static IReadOnlyList<string> SourcesOf(FeatureDefinition definition) =>
        definition.Transform is RatioTransform ratio ? [ratio.Numerator, ratio.Denominator] : definition.Sources;

    private static double Scalar(FittedFeature feature, IReadOnlyList<string> fields, int[] index)
    {
        string name = feature.Definition.Name;
        string raw = fields[index[0]];
        switch (feature.Definition.Transform)
        {
            case DatePartTransform datePart:
                return MissingValues.IsMissing(raw) ? double.NaN : FeatureTransforms.DatePartOf(Date(raw, feature), datePart.Part);
            case RatioTransform:
                return FeatureTransforms.Ratio(Number(raw, feature, 0), Number(fields[index[1]], feature, 1));
        }

        double x = Number(raw, feature, 0);
        return feature.Definition.Transform switch
        {
            IdentityTransform => x,
            StandardizeTransform => FeatureTransforms.Standardize(x, feature.Mean!.Value, feature.StandardDeviation!.Value),
            LogTransform log => FeatureTransforms.Log(x, log.Offset),
            BucketizeTransform bucketize => FeatureTransforms.Bucket(x, bucketize.Boundaries),
            _ => throw new InvalidOperationException($"Feature '{name}' has no scalar encoding."),
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

    private static double Number(string raw, FittedFeature feature, int source)
    {
        if (MissingValues.IsMissing(raw))
        {
            return double.NaN;
        }

        if (ValueParsing.TryReal(raw, out double x))
        {
            return x;
        }

        return BooleanValues.TryParse(raw, out bool b)
            ? (b ? 1 : 0)
            : throw new InvalidDataException(
                $"Feature '{feature.Definition.Name}' needs a number in the column '{SourcesOf(feature.Definition)[source]}', not '{raw}'.");
    }

    private static DateTime Date(string raw, FittedFeature feature) =>
        ValueParsing.TryDateTime(raw, out DateTime date)
            ? date
            : throw new InvalidDataException(
                $"Feature '{feature.Definition.Name}' needs an ISO 8601 date-time in the column '{feature.Definition.Sources[0]}', not '{raw}'.");

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
