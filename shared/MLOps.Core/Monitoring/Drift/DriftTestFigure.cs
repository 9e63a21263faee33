namespace MLOps.Core.Monitoring.Drift;

/// <summary>
/// The calibrated two-sample test of a feature (K-S, z, or chi-square of homogeneity: the feature's own test, or the
/// one Evidently would use on a small reference when the method is a distance): statistic (D, χ², z), raw p-value, and the Benjamini–Hochberg adjusted p-value across the window's features (equal to
/// the raw one when false-discovery control is off; null before the family is evaluated).
/// </summary>
public sealed record DriftTestFigure(DriftMethod Method, double Statistic, double PValue, double? AdjustedPValue = null);
