namespace MLOps.Core.Monitoring.Drift;

/// <summary>
/// The drift methods. The first four are tests (drift when the p-value is small); the rest are distances (drift
/// when the distance is large).
/// </summary>
public enum DriftMethod
{
    /// <summary>Two-sample Kolmogorov–Smirnov test (numeric); drift when p ≤ threshold.</summary>
    KolmogorovSmirnov,

    /// <summary>Chi-square test of the current categories against the reference shares; drift when p &lt; threshold.</summary>
    ChiSquare,

    /// <summary>Two-proportion z-test for a binary column; drift when p &lt; threshold.</summary>
    ProportionZ,

    /// <summary>
    /// Chi-square test of homogeneity, reference and window as two samples; drift when p &lt; threshold. The
    /// calibrated counterpart of <see cref="ChiSquare"/>, which treats the reference shares as exact.
    /// </summary>
    ChiSquareTwoSample,

    /// <summary>Wasserstein distance divided by the reference standard deviation (numeric).</summary>
    NormedWasserstein,

    /// <summary>Jensen–Shannon distance (√divergence) of the category or bin shares.</summary>
    JensenShannonDistance,

    /// <summary>Jensen–Shannon divergence of the category or bin shares (Vertex AI's numeric measure).</summary>
    JensenShannonDivergence,

    /// <summary>Population stability index of the category or bin shares.</summary>
    Psi,

    /// <summary>Largest change of one category's share (Vertex AI's categorical measure).</summary>
    LInfinity,
}
