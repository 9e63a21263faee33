using System.Globalization;
using MLOps.Core.Monitoring.Statistics;

namespace MLOps.Core.Monitoring.Drift;

/// <summary>
/// The drift figures of one feature in one window, before the decisions that need the whole family of features
/// (<see cref="DatasetDriftEvaluator"/> makes those). Never throws on the data: an empty or nearly empty column comes
/// back skipped with a warning, its missing-share signal still reported.
/// </summary>
public static class FeatureDriftCalculator
{
    public static FeatureDriftResult Compute(DriftColumn column, DriftOptions options)
    {
        ArgumentNullException.ThrowIfNull(column);
        ArgumentNullException.ThrowIfNull(options);
        ColumnSample sample = ColumnSample.From(column);
        FeatureDriftResult result = new()
        {
            Feature = column.Name,
            Kind = column.Kind,
            ReferenceCount = sample.ReferenceCount,
            CurrentCount = sample.CurrentCount,
            Nulls = NullShares(column, sample),
        };

        string? skip = SkipReason(sample, options);
        DriftMethod method = options.FeatureMethods.TryGetValue(column.Name, out DriftMethod forced)
            ? forced
            : DriftMethodSelector.Select(column.Kind, sample.ReferenceCount, sample.Distinct, options.Preset, options.SmallReferenceLimit);
        if (skip is null && !DriftMethodSelector.AppliesTo(method, column.Kind))
        {
            skip = $"{method} needs numbers but {column.Name} is categorical; not tested.";
        }

        if (skip is not null)
        {
            return result with { Skipped = true, Warning = skip };
        }

        double threshold = options.ThresholdFor(method);
        DriftMethod familyTest = DriftMethodSelector.Calibrated(
            DriftMethodSelector.IsTest(method) ? method : DriftMethodSelector.SmallSampleTest(column.Kind, sample.Distinct));
        DriftTestFigure test = RunTest(familyTest, sample);
        (DriftDistanceFigure effect, _) = Measure(DriftMethodSelector.LargeSampleDistance(column.Kind, sample.Distinct), sample, options);
        result = result with { Method = method, Threshold = threshold, Effect = effect, Psi = Psi(sample, options) };

        if (DriftMethodSelector.IsTest(method))
        {
            DriftTestFigure own = method == test.Method ? test : RunTest(method, sample);
            return result with
            {
                Statistic = own.Statistic,
                PValue = own.PValue,
                Test = test,
                RawDrifted = DriftMethodSelector.TestDrifts(method, own.PValue, threshold),
                Categories = method == DriftMethod.KolmogorovSmirnov ? null : sample.ByValue().Categories,
            };
        }

        (DriftDistanceFigure distance, BinnedCounts? bins) = method == effect.Method ? (effect, null) : Measure(method, sample, options);
        return result with
        {
            Statistic = distance.Value,
            Distance = distance.Value,
            Test = test,
            RawDrifted = distance.Value >= threshold,
            BinEdges = bins?.Edges,
            Categories = bins?.Categories,
        };
    }

    private static string? SkipReason(ColumnSample sample, DriftOptions options)
    {
        string name = sample.Column.Name;
        if (sample.ReferenceCount == 0)
        {
            return $"The reference has no non-missing values of {name}; not tested.";
        }

        if (sample.CurrentCount == 0)
        {
            return $"The window has no non-missing values of {name}; not tested (see its missing share).";
        }

        long fewest = Math.Min(sample.ReferenceCount, sample.CurrentCount);
        return fewest < options.MinimumSampleSize
            ? string.Create(CultureInfo.InvariantCulture,
                $"Only {fewest} non-missing values of {name} in the {(sample.CurrentCount <= sample.ReferenceCount ? "window" : "reference")} (minimum {options.MinimumSampleSize}); not tested.")
            : null;
    }

    private static NullShareSignal NullShares(DriftColumn column, ColumnSample sample)
    {
        double referenceShare = column.ReferenceRows == 0 ? 0 : (double)sample.ReferenceMissing / column.ReferenceRows;
        double currentShare = column.CurrentRows == 0 ? 0 : (double)sample.CurrentMissing / column.CurrentRows;
        double? p = column.ReferenceRows == 0 || column.CurrentRows == 0
            ? null
            : ProportionDriftZTest.FromCounts(sample.ReferenceMissing, column.ReferenceRows, sample.CurrentMissing, column.CurrentRows).PValue;
        return new NullShareSignal(referenceShare, currentShare, currentShare - referenceShare, p);
    }

    private static DriftTestFigure RunTest(DriftMethod method, ColumnSample sample)
    {
        switch (method)
        {
            case DriftMethod.KolmogorovSmirnov:
                KolmogorovSmirnovResult ks = KolmogorovSmirnovTest.FromSorted(sample.ReferenceNumbers, sample.CurrentNumbers);
                return new DriftTestFigure(method, ks.Statistic, ks.PValue);
            case DriftMethod.ChiSquare or DriftMethod.ChiSquareTwoSample:
                BinnedCounts categories = sample.ByValue();
                ChiSquareResult chi = method == DriftMethod.ChiSquare
                    ? ChiSquareTest.FromCounts(categories.Reference, categories.Current)
                    : ChiSquareTest.Homogeneity(categories.Reference, categories.Current);
                return new DriftTestFigure(method, chi.Statistic, chi.PValue);
            case DriftMethod.ProportionZ:
                // Evidently counts the rows that are not the first value (in sorted order); the choice only flips z's sign.
                BinnedCounts values = sample.ByValue();
                long referenceTotal = values.Reference.Sum(), currentTotal = values.Current.Sum();
                ProportionZResult z = ProportionDriftZTest.FromCounts(
                    referenceTotal - values.Reference[0], referenceTotal, currentTotal - values.Current[0], currentTotal);
                return new DriftTestFigure(method, z.Statistic, z.PValue);
            default:
                throw new ArgumentOutOfRangeException(nameof(method), method, "Not a test.");
        }
    }

    private static (DriftDistanceFigure Figure, BinnedCounts? Bins) Measure(DriftMethod method, ColumnSample sample, DriftOptions options)
    {
        if (method == DriftMethod.NormedWasserstein)
        {
            return (new DriftDistanceFigure(method, WassersteinDistance.NormedFromSorted(sample.ReferenceNumbers, sample.CurrentNumbers)), null);
        }

        // PSI takes the configured binning; the other share measures Evidently's (Sturges for many numbers).
        BinnedCounts bins = ShareBinning.For(sample, method == DriftMethod.Psi ? options.PsiBinning : PsiBinning.Sturges);
        double[] reference = bins.ReferenceShares, current = bins.CurrentShares;
        double value = method switch
        {
            DriftMethod.JensenShannonDistance => JensenShannonDrift.Distance(reference, current, options.JensenShannonBase),
            DriftMethod.JensenShannonDivergence => JensenShannonDrift.Divergence(reference, current, options.JensenShannonBase),
            DriftMethod.Psi => PsiDrift.FromShares(reference, current),
            DriftMethod.LInfinity => LInfinityDistance.Compute(reference, current),
            _ => throw new ArgumentOutOfRangeException(nameof(method), method, "Not a distance."),
        };
        return (new DriftDistanceFigure(method, value), bins);
    }

    private static PsiFigure Psi(ColumnSample sample, DriftOptions options)
    {
        BinnedCounts bins = ShareBinning.For(sample, options.PsiBinning);
        double[] reference = bins.ReferenceShares, current = bins.CurrentShares;
        double value = PsiDrift.FromShares(reference, current);
        double threshold = options.ThresholdFor(DriftMethod.Psi);
        return new PsiFigure(value, threshold, value >= threshold, bins.Edges, bins.Categories, reference, current);
    }
}
