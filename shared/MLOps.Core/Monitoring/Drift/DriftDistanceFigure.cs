namespace MLOps.Core.Monitoring.Drift;

/// <summary>A distance between the reference and the window (normed Wasserstein, Jensen–Shannon, PSI, L-infinity).</summary>
public sealed record DriftDistanceFigure(DriftMethod Method, double Value);
