namespace MLOps.Core.DataEngineering.Cleaning;

/// <summary>What one cleaning step did to a value or a row.</summary>
public enum CleaningAction
{
    /// <summary>A present value rewritten to another spelling of itself.</summary>
    Normalised,

    /// <summary>A present value replaced by a missing one (it offended a rule).</summary>
    NulledOut,

    /// <summary>A present number moved to the nearest bound of its range.</summary>
    Clipped,

    /// <summary>A missing value filled; no present value changes.</summary>
    Imputed,

    /// <summary>A whole row dropped (an exact duplicate, or a value offending a DropRow rule).</summary>
    RowDropped,

    /// <summary>An exact duplicate row found and kept (the spec does not drop duplicates).</summary>
    DuplicateKept,
}
