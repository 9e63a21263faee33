namespace MLOps.Core.DataEngineering.Profiling;

/// <summary>
/// The profile's quantiles. When <see cref="Exact"/> they follow numpy's default "linear" definition; otherwise
/// each is a value whose rank is within <see cref="RankErrorBound"/> times the count of the requested rank.
/// </summary>
public sealed record QuantileSummary(double P05, double P25, double P50, double P75, double P95, bool Exact, double RankErrorBound);
