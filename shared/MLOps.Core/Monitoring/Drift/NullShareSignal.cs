namespace MLOps.Core.Monitoring.Drift;

/// <summary>
/// The missing share of a feature in the reference and the window, its change (current − reference), the two-
/// proportion z-test p-value (raw and BH-adjusted across features) and whether the change is a data-quality signal.
/// Reported for every feature, skipped ones included: a column that turned all-missing is exactly such a signal.
/// </summary>
public sealed record NullShareSignal(
    double ReferenceShare, double CurrentShare, double Change, double? PValue, double? AdjustedPValue = null, bool Shifted = false);
