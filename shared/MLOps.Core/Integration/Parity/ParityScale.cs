namespace MLOps.Core.Integration.Parity;

/// <summary>How a score difference is measured: probabilities live in [0, 1], regression scores at any scale.</summary>
public enum ParityScale
{
    /// <summary>|Δ|, against an absolute bound.</summary>
    Probability,

    /// <summary>|Δ| / max(1, |y|) with y the tracked score: relative for large targets, absolute near zero.</summary>
    Regression,
}
