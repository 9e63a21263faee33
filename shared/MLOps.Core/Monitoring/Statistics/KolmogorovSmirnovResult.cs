namespace MLOps.Core.Monitoring.Statistics;

/// <summary>
/// A two-sample K-S test: D = sup |F_reference − F_current| and its two-sided p-value; <see cref="Exact"/> tells
/// whether the p-value is the exact permutation probability or the asymptotic one (see
/// <see cref="KolmogorovSmirnovTest"/>).
/// </summary>
public sealed record KolmogorovSmirnovResult(double Statistic, double PValue, bool Exact);
