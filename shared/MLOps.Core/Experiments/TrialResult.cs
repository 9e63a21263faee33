namespace MLOps.Core.Experiments;

/// <summary>
/// A finished trial. <paramref name="Score"/> is higher-is-better (the caller negates losses);
/// <paramref name="IntermediateValues"/> are per-step scores (e.g. after each fold) for the median stopping rule.
/// </summary>
public sealed record TrialResult(
    int TrialNumber,
    string Algorithm,
    IReadOnlyDictionary<string, string> Parameters,
    double Score,
    TrialStatus Status,
    IReadOnlyList<double>? IntermediateValues = null);
