namespace MLOps.Core.Monitoring.Statistics;

/// <summary>Pearson's χ² over the categories, its degrees of freedom (categories − 1) and p-value.</summary>
public sealed record ChiSquareResult(double Statistic, int DegreesOfFreedom, double PValue);
