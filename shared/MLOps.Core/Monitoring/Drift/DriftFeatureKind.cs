namespace MLOps.Core.Monitoring.Drift;

/// <summary>How a column is compared: numbers (ordered, binned when many values) or categories (labels).</summary>
public enum DriftFeatureKind
{
    Numeric,
    Categorical,
}
