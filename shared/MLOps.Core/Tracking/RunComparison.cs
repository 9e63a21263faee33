namespace MLOps.Core.Tracking;

/// <summary>
/// Runs side by side: for every parameter and metric key any of them has, one cell per run in
/// <see cref="RunIds"/> order (null where that run lacks the key).
/// </summary>
public sealed record RunComparison(
    IReadOnlyList<string> RunIds,
    IReadOnlyDictionary<string, IReadOnlyList<string?>> Parameters,
    IReadOnlyDictionary<string, IReadOnlyList<double?>> Metrics);
