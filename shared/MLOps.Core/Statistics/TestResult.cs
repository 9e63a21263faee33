namespace MLOps.Core.Statistics;

/// <summary>
/// A hypothesis test's statistic, its degrees of freedom (null for a z statistic) and two-sided p-value. NaN when
/// the test is undefined on the sample (no variance at all), as scipy answers.
/// </summary>
public sealed record TestResult(double Statistic, double? DegreesOfFreedom, double PValue);
