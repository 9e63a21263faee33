namespace MLOps.Core.Monitoring.Statistics;

/// <summary>
/// The two-proportion z statistic (reference share minus current share over the pooled standard error), both shares
/// and the two-sided p-value.
/// </summary>
public sealed record ProportionZResult(double Statistic, double ReferenceShare, double CurrentShare, double PValue);
