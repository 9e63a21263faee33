using MLOps.Core.Monitoring.Drift;

namespace MLOps.UnitTests.Core.Monitoring;

/// <summary>The selection table of Evidently's data drift algorithm and the two cloud presets.</summary>
public sealed class DriftMethodSelectorTests
{
    [Theory]
    [InlineData(DriftFeatureKind.Numeric, 1000, 6, DriftMethod.KolmogorovSmirnov)]
    [InlineData(DriftFeatureKind.Numeric, 1000, 5, DriftMethod.ChiSquare)]
    [InlineData(DriftFeatureKind.Numeric, 1000, 3, DriftMethod.ChiSquare)]
    [InlineData(DriftFeatureKind.Numeric, 1000, 2, DriftMethod.ProportionZ)]
    [InlineData(DriftFeatureKind.Numeric, 1000, 1, DriftMethod.ProportionZ)]
    [InlineData(DriftFeatureKind.Categorical, 10, 40, DriftMethod.ChiSquare)]
    [InlineData(DriftFeatureKind.Categorical, 10, 2, DriftMethod.ProportionZ)]
    [InlineData(DriftFeatureKind.Numeric, 1001, 6, DriftMethod.NormedWasserstein)]
    [InlineData(DriftFeatureKind.Numeric, 1001, 5, DriftMethod.JensenShannonDistance)]
    [InlineData(DriftFeatureKind.Categorical, 1001, 2, DriftMethod.JensenShannonDistance)]
    [InlineData(DriftFeatureKind.Categorical, 50000, 30, DriftMethod.JensenShannonDistance)]
    public void Evidently_default(DriftFeatureKind kind, long referenceRows, int distinct, DriftMethod expected) =>
        Assert.Equal(expected, DriftMethodSelector.Select(kind, referenceRows, distinct, DriftPreset.Evidently));

    [Theory]
    [InlineData(DriftPreset.AzureMl, DriftFeatureKind.Numeric, DriftMethod.NormedWasserstein)]
    [InlineData(DriftPreset.AzureMl, DriftFeatureKind.Categorical, DriftMethod.JensenShannonDistance)]
    [InlineData(DriftPreset.VertexAi, DriftFeatureKind.Numeric, DriftMethod.JensenShannonDivergence)]
    [InlineData(DriftPreset.VertexAi, DriftFeatureKind.Categorical, DriftMethod.LInfinity)]
    public void Cloud_presets_ignore_the_reference_size(DriftPreset preset, DriftFeatureKind kind, DriftMethod expected)
    {
        Assert.Equal(expected, DriftMethodSelector.Select(kind, 100, 50, preset));
        Assert.Equal(expected, DriftMethodSelector.Select(kind, 100_000, 50, preset));
    }

    [Fact]
    public void Default_thresholds_and_comparisons()
    {
        Assert.Equal(0.05, DriftOptions.DefaultThreshold(DriftMethod.KolmogorovSmirnov));
        Assert.Equal(0.1, DriftOptions.DefaultThreshold(DriftMethod.NormedWasserstein));
        Assert.Equal(0.1, DriftOptions.DefaultThreshold(DriftMethod.Psi));
        Assert.Equal(0.3, DriftOptions.DefaultThreshold(DriftMethod.LInfinity));

        // K-S drifts at p ≤ 0.05 in Evidently, chi-square and z at p < 0.05.
        Assert.True(DriftMethodSelector.TestDrifts(DriftMethod.KolmogorovSmirnov, 0.05, 0.05));
        Assert.False(DriftMethodSelector.TestDrifts(DriftMethod.ChiSquare, 0.05, 0.05));
        Assert.False(DriftMethodSelector.TestDrifts(DriftMethod.ProportionZ, 0.05, 0.05));
    }

    [Fact]
    public void The_small_reference_limit_is_configurable()
    {
        Assert.Equal(DriftMethod.KolmogorovSmirnov, DriftMethodSelector.Select(DriftFeatureKind.Numeric, 5000, 50, DriftPreset.Evidently, 10_000));
        Assert.Equal(DriftMethod.NormedWasserstein, DriftMethodSelector.Select(DriftFeatureKind.Numeric, 5000, 50, DriftPreset.Evidently));
    }
}
