using MLOps.Core.Monitoring.Statistics;

namespace MLOps.Core.Monitoring.Drift;

/// <summary>
/// The bins of the share-based measures (PSI, Jensen–Shannon, L-infinity), as Evidently forms them: categories by
/// label; numbers by value when the reference holds at most <see cref="MaxValuesAsCategories"/> distinct values,
/// otherwise by the configured binning (Sturges' equal-width bins over reference ∪ current by default).
/// </summary>
internal static class ShareBinning
{
    public const int MaxValuesAsCategories = 20;

    public static BinnedCounts For(ColumnSample sample, PsiBinning binning)
    {
        if (sample.Column.Kind == DriftFeatureKind.Categorical || sample.ReferenceDistinct <= MaxValuesAsCategories)
        {
            return sample.ByValue();
        }

        double[] reference = sample.ReferenceNumbers;
        double[] current = sample.CurrentNumbers;
        if (binning.Kind == PsiBinningKind.ReferenceQuantiles)
        {
            // Interior edges at the reference quantiles (numpy's linear rule, repeated edges merged); right-closed
            // bins, open at both ends so that current values beyond the reference range are still counted.
            double[] interior = MLOps.Core.Statistics.Binning.QuantileEdges(reference, binning.Bins);
            return new BinnedCounts(
                MLOps.Core.Statistics.Binning.Counts(reference, interior),
                MLOps.Core.Statistics.Binning.Counts(current, interior),
                [double.NegativeInfinity, .. interior, double.PositiveInfinity],
                Categories: null);
        }

        double[] union = [.. reference, .. current];
        double[] edges = binning.Kind == PsiBinningKind.EqualWidth
            ? DriftHistogram.EqualWidthEdges(union, binning.Bins)
            : DriftHistogram.SturgesEdges(union);
        return new BinnedCounts(DriftHistogram.Counts(reference, edges), DriftHistogram.Counts(current, edges), edges, Categories: null);
    }
}
