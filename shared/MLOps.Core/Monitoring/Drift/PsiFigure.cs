namespace MLOps.Core.Monitoring.Drift;

/// <summary>
/// The PSI reported beside every feature's own method, with its bins: <see cref="Edges"/> for binned numbers
/// (±∞ at open ends), <see cref="Categories"/> otherwise, and the shares before smoothing.
/// </summary>
public sealed record PsiFigure(
    double Value,
    double Threshold,
    bool Drifted,
    IReadOnlyList<double>? Edges,
    IReadOnlyList<string>? Categories,
    IReadOnlyList<double> ReferenceShares,
    IReadOnlyList<double> CurrentShares);
