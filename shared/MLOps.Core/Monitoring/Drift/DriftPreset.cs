namespace MLOps.Core.Monitoring.Drift;

/// <summary>Which product's default method selection to follow (see <see cref="DriftMethodSelector"/>).</summary>
public enum DriftPreset
{
    /// <summary>Evidently's defaults: tests for a reference of at most 1,000 rows, distances above.</summary>
    Evidently,

    /// <summary>Azure ML's defaults: normed Wasserstein for numbers, Jensen–Shannon distance for categories.</summary>
    AzureMl,

    /// <summary>Vertex AI's: Jensen–Shannon divergence for numbers (binned), L-infinity for categories.</summary>
    VertexAi,
}
