using System.Text.Json.Serialization;

namespace MLOps.Core.DataEngineering.Profiling;

/// <summary>
/// The serializable state of a column's quantile estimator. Below <see cref="ExactLimit"/> values it simply holds
/// them all (<see cref="Levels"/> empty) and quantiles are exact. Above, values live in levels where an item of
/// level h stands for 2^h values: a full level is sorted and every other item promoted, a KLL-style compactor with
/// equal capacities. Each compaction at level h moves any rank by at most 2^h, which bounds the error by
/// <see cref="RankErrorBound"/>, deterministically: no random choices, so the same inputs give the same profile.
/// </summary>
public sealed record QuantileSketch(
    long Count,
    int Capacity,
    int ExactLimit,
    IReadOnlyList<double> Exact,
    IReadOnlyList<IReadOnlyList<double>> Levels)
{
    [JsonIgnore]
    public bool IsExact => this.Levels.Count == 0;

    /// <summary>
    /// Largest possible |estimated rank - true rank| / Count. With H the top level, compactions cost at most
    /// H * Count / (Capacity - 1) and picking an item of weight up to 2^H at most 2 * Count / (Capacity - 1) more.
    /// </summary>
    [JsonIgnore]
    public double RankErrorBound => this.Levels.Count <= 1 ? 0 : (this.Levels.Count + 1.0) / (this.Capacity - 1);
}
