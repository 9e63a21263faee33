namespace MLOps.Core.DataEngineering.Profiling;

/// <summary>Turns merged partial state into the final, reader-facing column profile.</summary>
internal static class ColumnProfileFactory
{
    public static ColumnProfile Finish(PartialColumnProfile partial, ProfilerOptions options)
    {
        long distinct = partial.Values.Count;
        ColumnType type = Infer(partial, distinct, options);
        ValueCount[] top = partial.Values
            .OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal)
            .Take(options.TopValues).Select(kv => new ValueCount(kv.Key, kv.Value)).ToArray();
        bool numeric = type is ColumnType.Integer or ColumnType.Real && partial.Numbers.Count > 0;
        bool dates = type == ColumnType.DateTime;
        QuantileSummary? quantiles = null;
        IReadOnlyList<HistogramBin> histogram = [];
        if (numeric)
        {
            var sample = new SortedSample(partial.Quantiles);
            quantiles = new QuantileSummary(
                sample.Quantile(0.05),
                sample.Quantile(0.25),
                sample.Quantile(0.50),
                sample.Quantile(0.75),
                sample.Quantile(0.95),
                partial.Quantiles.IsExact,
                partial.Quantiles.RankErrorBound);
            histogram = sample.Histogram(partial.Numbers.Min, partial.Numbers.Max, options.HistogramBins);
        }

        return new ColumnProfile(
            partial.Name,
            type,
            partial.Count,
            partial.Missing,
            distinct,
            partial.ValuesTruncated,
            numeric ? partial.Numbers.Min : null,
            numeric ? partial.Numbers.Max : null,
            numeric ? partial.Numbers.Mean : null,
            numeric ? partial.Numbers.StandardDeviation : null,
            quantiles,
            histogram,
            top,
            dates ? partial.Earliest : null,
            dates ? partial.Latest : null);
    }

    private static ColumnType Infer(PartialColumnProfile partial, long distinct, ProfilerOptions options)
    {
        TypeEvidence types = partial.Types;
        if (partial.Count == 0)
        {
            return ColumnType.Empty;
        }

        // Numbers first: a 0/1 column is also Boolean evidence, but it keeps its numeric statistics as Integer.
        if (types.AllInteger)
        {
            return ColumnType.Integer;
        }

        if (types.AllBoolean)
        {
            return ColumnType.Boolean;
        }

        if (types.AllReal)
        {
            return ColumnType.Real;
        }

        if (types.AllDateTime)
        {
            return ColumnType.DateTime;
        }

        bool few = distinct <= options.CategoricalMaxDistinct || distinct <= options.CategoricalMaxShare * partial.Count;
        return !partial.ValuesTruncated && few ? ColumnType.Categorical : ColumnType.Text;
    }
}
