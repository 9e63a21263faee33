namespace MLOps.Core.Monitoring.Drift;

/// <summary>
/// The significance test of a feature (its method, or the companion test when the method is a distance): statistic
/// (K-S D, χ², z), raw p-value, and the Benjamini–Hochberg adjusted p-value across the window's features (equal to
/// the raw one when false-discovery control is off; null before the family is evaluated).
/// </summary>
public sealed record DriftTestFigure(DriftMethod Method, double Statistic, double PValue, double? AdjustedPValue = null);
