namespace MLOps.Core.DataEngineering.Cleaning;

/// <summary>What the change guard found in a cleaning pass.</summary>
public enum CleaningFindingKind
{
    /// <summary>A column had more of its present values nulled out or rewritten than its change guard allows.</summary>
    ColumnChanged,

    /// <summary>More rows were dropped than the change guard allows.</summary>
    RowsDropped,

    /// <summary>The target is left with one class (or one value, or none): nothing to learn. Always fails.</summary>
    TargetConstant,

    /// <summary>A column that a declared feature reads holds a single value: the feature carries nothing. Always a warning.</summary>
    FeatureConstant,
}
