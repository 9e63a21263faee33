namespace MLOps.Core.Monitoring.Drift;

/// <summary>
/// The default method of a feature under a preset, from its kind, the reference size and the number of distinct
/// non-missing values over reference ∪ current:
/// <list type="bullet">
/// <item>Evidently, reference ≤ 1,000 rows: numbers with more than 5 values → K-S; categories, and numbers with 3–5
/// values → chi-square; at most 2 values → two-proportion z. Above 1,000 rows: numbers with more than 5 values →
/// normed Wasserstein; the rest → Jensen–Shannon distance.</item>
/// <item>Azure ML: numbers → normed Wasserstein; categories → Jensen–Shannon distance.</item>
/// <item>Vertex AI: numbers → Jensen–Shannon divergence of the binned values; categories → L-infinity.</item>
/// </list>
/// The companions every feature also gets: the test Evidently would use on a small reference, in its calibrated
/// two-sample form (for the significance guard and FDR), and the distance it would use on a large one (the effect
/// size).
/// </summary>
public static class DriftMethodSelector
{
    public static DriftMethod Select(DriftFeatureKind kind, long referenceCount, int distinctValues, DriftPreset preset,
        int smallReferenceLimit = 1000) => preset switch
        {
            DriftPreset.Evidently => referenceCount <= smallReferenceLimit
                ? SmallSampleTest(kind, distinctValues)
                : LargeSampleDistance(kind, distinctValues),
            DriftPreset.AzureMl => kind == DriftFeatureKind.Numeric ? DriftMethod.NormedWasserstein : DriftMethod.JensenShannonDistance,
            DriftPreset.VertexAi => kind == DriftFeatureKind.Numeric ? DriftMethod.JensenShannonDivergence : DriftMethod.LInfinity,
            _ => throw new ArgumentOutOfRangeException(nameof(preset), preset, "Unknown drift preset."),
        };

    public static DriftMethod SmallSampleTest(DriftFeatureKind kind, int distinctValues) =>
        kind == DriftFeatureKind.Numeric && distinctValues > 5 ? DriftMethod.KolmogorovSmirnov
        : distinctValues > 2 ? DriftMethod.ChiSquare
        : DriftMethod.ProportionZ;

    public static DriftMethod LargeSampleDistance(DriftFeatureKind kind, int distinctValues) =>
        kind == DriftFeatureKind.Numeric && distinctValues > 5 ? DriftMethod.NormedWasserstein : DriftMethod.JensenShannonDistance;

    public static bool IsTest(DriftMethod method) =>
        method is DriftMethod.KolmogorovSmirnov or DriftMethod.ChiSquare or DriftMethod.ProportionZ or DriftMethod.ChiSquareTwoSample;

    /// <summary>
    /// The two-sample test whose p-values the false-alarm controls use: K-S and z already compare two samples;
    /// Evidently's chi-square (reference shares taken as exact) is replaced by the test of homogeneity.
    /// </summary>
    public static DriftMethod Calibrated(DriftMethod test) => test == DriftMethod.ChiSquare ? DriftMethod.ChiSquareTwoSample : test;

    /// <summary>K-S and Wasserstein need ordered numbers; the others work on categories or bins.</summary>
    public static bool AppliesTo(DriftMethod method, DriftFeatureKind kind) =>
        kind == DriftFeatureKind.Numeric || method is not (DriftMethod.KolmogorovSmirnov or DriftMethod.NormedWasserstein);

    /// <summary>Evidently's comparison: K-S drifts at p ≤ threshold, chi-square and z at p &lt; threshold.</summary>
    public static bool TestDrifts(DriftMethod method, double pValue, double threshold) =>
        method == DriftMethod.KolmogorovSmirnov ? pValue <= threshold : pValue < threshold;
}
