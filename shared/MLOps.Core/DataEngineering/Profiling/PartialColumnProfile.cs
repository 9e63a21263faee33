namespace MLOps.Core.DataEngineering.Profiling;

/// <summary>
/// Everything needed to merge one column's statistics with another chunk's and to finish them later; the form
/// that crosses activity boundaries. <see cref="Values"/> counts distinct raw texts up to the distinct cap.
/// </summary>
public sealed record PartialColumnProfile(
    string Name,
    long Count,
    long Missing,
    TypeEvidence Types,
    Moments Numbers,
    DateTime? Earliest,
    DateTime? Latest,
    IReadOnlyDictionary<string, long> Values,
    bool ValuesTruncated,
    QuantileSketch Quantiles);
