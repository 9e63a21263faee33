namespace MLOps.Core.Monitoring.Drift;

/// <summary>
/// The drift of one feature in one window. <see cref="Method"/> and <see cref="Threshold"/> decide
/// <see cref="RawDrifted"/> as the preset's product would; <see cref="Drifted"/> is the decision after the
/// false-alarm controls (<see cref="Note"/> says which control overruled it). <see cref="Statistic"/> is the
/// method's figure (K-S D, χ², z, or the distance), <see cref="PValue"/> the raw p-value of a test method,
/// <see cref="Distance"/> the value of a distance method. <see cref="Test"/> (a calibrated two-sample test: K-S, z,
/// or chi-square of homogeneity) and <see cref="Effect"/> (normed Wasserstein or Jensen–Shannon distance) are the
/// significance test and effect size used by the controls. Counts are non-missing values. A skipped feature (no
/// values, too few values, or a method that does not apply) carries a <see cref="Warning"/> and no figures.
/// </summary>
public sealed record FeatureDriftResult
{
    public required string Feature { get; init; }

    public required DriftFeatureKind Kind { get; init; }

    public DriftMethod? Method { get; init; }

    public double? Threshold { get; init; }

    public double? Statistic { get; init; }

    public double? PValue { get; init; }

    public double? Distance { get; init; }

    public bool RawDrifted { get; init; }

    public bool Drifted { get; init; }

    public long ReferenceCount { get; init; }

    public long CurrentCount { get; init; }

    /// <summary>Bin edges of the method when it compares binned numbers.</summary>
    public IReadOnlyList<double>? BinEdges { get; init; }

    /// <summary>Categories (labels, or numbers by value) of the method when it compares shares by category.</summary>
    public IReadOnlyList<string>? Categories { get; init; }

    public DriftTestFigure? Test { get; init; }

    public DriftDistanceFigure? Effect { get; init; }

    public PsiFigure? Psi { get; init; }

    public required NullShareSignal Nulls { get; init; }

    public bool Skipped { get; init; }

    public string? Warning { get; init; }

    public string? Note { get; init; }
}
