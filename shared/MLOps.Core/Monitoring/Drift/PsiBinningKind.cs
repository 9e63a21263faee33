namespace MLOps.Core.Monitoring.Drift;

/// <summary>How numeric values are binned for PSI and the other share-based measures.</summary>
public enum PsiBinningKind
{
    /// <summary>Equal-width bins over reference ∪ current, their number by Sturges' rule (Evidently's choice).</summary>
    Sturges,

    /// <summary>A fixed number of equal-width bins over reference ∪ current.</summary>
    EqualWidth,

    /// <summary>Bins at the reference's quantiles (deciles by default), open-ended at both sides.</summary>
    ReferenceQuantiles,
}
