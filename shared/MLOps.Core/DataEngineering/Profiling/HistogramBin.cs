namespace MLOps.Core.DataEngineering.Profiling;

/// <summary>Values in [Lower, Upper) — the last bin also holds Upper.</summary>
public sealed record HistogramBin(double Lower, double Upper, long Count);
