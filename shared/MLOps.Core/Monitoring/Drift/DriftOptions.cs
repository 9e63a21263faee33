namespace MLOps.Core.Monitoring.Drift;

/// <summary>
/// Drift settings of a project. The method defaults follow <see cref="Preset"/>; the false-alarm controls are ours
/// (no preset has them) and each default is chosen for a reason given on the property.
/// </summary>
public sealed record DriftOptions
{
    public DriftPreset Preset { get; init; } = DriftPreset.Evidently;

    /// <summary>Reference rows up to which Evidently's selection uses tests rather than distances.</summary>
    public int SmallReferenceLimit { get; init; } = 1000;

    /// <summary>Thresholds replacing <see cref="DefaultThreshold"/> for some methods.</summary>
    public IReadOnlyDictionary<DriftMethod, double> Thresholds { get; init; } = new Dictionary<DriftMethod, double>();

    /// <summary>Methods forced for named features instead of the preset's choice.</summary>
    public IReadOnlyDictionary<string, DriftMethod> FeatureMethods { get; init; } =
        new Dictionary<string, DriftMethod>(StringComparer.Ordinal);

    /// <summary>Logarithm base of the Jensen–Shannon measures; base 2 keeps them within [0, 1].</summary>
    public double JensenShannonBase { get; init; } = 2;

    public PsiBinning PsiBinning { get; init; } = PsiBinning.Sturges;

    /// <summary>
    /// Benjamini–Hochberg across the window's features for the p-value tests. Testing 30 features at 5% each raises
    /// a false alarm in most windows (1 − 0.95³⁰ ≈ 79%); BH keeps that near 5% while still finding real shifts.
    /// </summary>
    public bool FalseDiscoveryControl { get; init; } = true;

    /// <summary>
    /// A significant test is drift only if the change is at least this large, measured by the distance Evidently
    /// uses on large references (normed Wasserstein for numbers, Jensen–Shannon distance base 2 for categories).
    /// 0.05 is half their drift threshold: about a 0.05σ mean shift, or a 5-point move of a balanced binary column.
    /// On large windows a test finds such trivia significant; they are not worth an alert. 0 turns the floor off.
    /// </summary>
    public double EffectSizeFloor { get; init; } = 0.05;

    /// <summary>
    /// A distance above its threshold is drift only if the change is also significant (the companion test's
    /// BH-adjusted p-value ≤ <see cref="SignificanceLevel"/>). Distances of two samples of one distribution shrink
    /// only as 1/√n, so a small window crosses a fixed threshold by chance alone; the test knows the window size.
    /// </summary>
    public bool SignificanceGuard { get; init; } = true;

    /// <summary>Level of the significance guard and of the null-share test.</summary>
    public double SignificanceLevel { get; init; } = 0.05;

    /// <summary>
    /// Non-missing values needed in both the reference and the window before a feature is tested. Below 30 the
    /// chi-square approximation fails (expected counts under 5) and K-S has little power: the window says nothing.
    /// </summary>
    public int MinimumSampleSize { get; init; } = 30;

    /// <summary>Share of tested features that must drift for dataset drift (Evidently's 0.5).</summary>
    public double DatasetDriftShare { get; init; } = 0.5;

    /// <summary>
    /// A change of the missing share is a signal when it is significant (z-test, BH across features) and at least
    /// this large in absolute terms: 5 points, below which a pipeline's missing rate moves for mundane reasons.
    /// </summary>
    public double NullShareChangeFloor { get; init; } = 0.05;

    public double ThresholdFor(DriftMethod method) =>
        Thresholds.TryGetValue(method, out double threshold) ? threshold : DefaultThreshold(method);

    /// <summary>
    /// Evidently's defaults (p-value 0.05 for the tests; 0.1 for normed Wasserstein, Jensen–Shannon distance and
    /// PSI) and Vertex AI's documented default 0.3 for its two measures.
    /// </summary>
    public static double DefaultThreshold(DriftMethod method) => method switch
    {
        DriftMethod.KolmogorovSmirnov or DriftMethod.ChiSquare or DriftMethod.ProportionZ or DriftMethod.ChiSquareTwoSample => 0.05,
        DriftMethod.NormedWasserstein or DriftMethod.JensenShannonDistance or DriftMethod.Psi => 0.1,
        DriftMethod.JensenShannonDivergence or DriftMethod.LInfinity => 0.3,
        _ => throw new ArgumentOutOfRangeException(nameof(method), method, "Unknown drift method."),
    };
}
