using MLOps.Core.Monitoring.Drift;

namespace MLOps.UnitTests.Core.Monitoring;

/// <summary>The window's decisions: BH across features, the effect-size floor, the significance guard, dataset drift.</summary>
public sealed class DatasetDriftEvaluatorTests
{
    private static readonly DriftOptions Defaults = new();

    [Fact]
    public void Benjamini_hochberg_overrules_a_lone_borderline_p_value()
    {
        // Ten tested features: p = 0.01 alone is significant, but BH-adjusted it is 0.1 (0.01 · 10 / 1).
        FeatureDriftResult[] features =
        [
            Tested("f0", DriftMethod.KolmogorovSmirnov, 0.01, effect: 0.3),
            .. Enumerable.Range(1, 9).Select(i => Tested($"f{i}", DriftMethod.KolmogorovSmirnov, 0.5 + (i / 100.0), effect: 0.3)),
        ];

        DatasetDriftResult result = DatasetDriftEvaluator.Evaluate(features, Defaults);
        DatasetDriftResult uncorrected = DatasetDriftEvaluator.Evaluate(features, Defaults with { FalseDiscoveryControl = false });

        FeatureDriftResult f0 = result.Features[0];
        Assert.True(f0.RawDrifted);
        Assert.False(f0.Drifted);
        Assert.Equal(0.1, f0.Test!.AdjustedPValue!.Value, 12);
        Assert.Equal(
            "KolmogorovSmirnov flags it alone (p = 0.01); the window's two-sample test (KolmogorovSmirnov, p = 0.01, Benjamini–Hochberg adjusted 0.1) does not.",
            f0.Note);
        Assert.True(uncorrected.Features[0].Drifted);
    }

    [Fact]
    public void A_significant_test_below_the_effect_size_floor_is_not_drift()
    {
        FeatureDriftResult[] features = [Tested("tiny", DriftMethod.KolmogorovSmirnov, 1e-8, effect: 0.02), Tested("real", DriftMethod.ChiSquare, 1e-8, effect: 0.2)];

        DatasetDriftResult result = DatasetDriftEvaluator.Evaluate(features, Defaults);

        Assert.False(result.Features[0].Drifted);
        Assert.Equal("Significant (adjusted p = 1E-08) but the change is below the effect-size floor (NormedWasserstein = 0.02 < 0.05).", result.Features[0].Note);
        Assert.True(result.Features[1].Drifted);
        Assert.True(DatasetDriftEvaluator.Evaluate(features, Defaults with { EffectSizeFloor = 0 }).Features[0].Drifted);
    }

    [Fact]
    public void A_distance_above_its_threshold_needs_a_significant_companion_test()
    {
        FeatureDriftResult noisy = Distanced("small-window", 0.15, companionP: 0.4);
        FeatureDriftResult real = Distanced("real", 0.15, companionP: 1e-6);

        DatasetDriftResult result = DatasetDriftEvaluator.Evaluate([noisy, real], Defaults);

        Assert.False(result.Features[0].Drifted);
        Assert.Equal("NormedWasserstein = 0.15 is above 0.1 but KolmogorovSmirnov finds no significant change at this window size (adjusted p = 0.4).", result.Features[0].Note);
        Assert.True(result.Features[1].Drifted);
        Assert.True(DatasetDriftEvaluator.Evaluate([noisy, real], Defaults with { SignificanceGuard = false }).Features[0].Drifted);
    }

    [Fact]
    public void Dataset_drift_is_a_share_of_the_tested_features()
    {
        FeatureDriftResult skipped = new() { Feature = "empty", Kind = DriftFeatureKind.Numeric, Nulls = new NullShareSignal(0, 1, 1, 1e-40), Skipped = true, Warning = "no values" };
        FeatureDriftResult[] features =
        [
            Tested("a", DriftMethod.KolmogorovSmirnov, 1e-9, 0.4), Tested("b", DriftMethod.KolmogorovSmirnov, 0.8, 0.01),
            Tested("c", DriftMethod.ChiSquare, 1e-7, 0.2), Tested("d", DriftMethod.ChiSquare, 0.6, 0.01), skipped,
        ];

        DatasetDriftResult result = DatasetDriftEvaluator.Evaluate(features, Defaults);

        Assert.Equal((4, 2, 0.5), (result.TestedCount, result.DriftedCount, result.DriftShare));
        Assert.True(result.DatasetDrifted);
        Assert.False(DatasetDriftEvaluator.Evaluate(features, Defaults with { DatasetDriftShare = 0.6 }).DatasetDrifted);
        Assert.Equal(["a", "c"], result.DriftedFeatures);
        Assert.Equal(["a", "c", "b", "d", "empty"], result.Ranked.Select(f => f.Feature));
        Assert.Equal(["empty"], result.NullShiftedFeatures);
    }

    [Fact]
    public void Nothing_tested_is_no_dataset_drift()
    {
        DatasetDriftResult result = DatasetDriftEvaluator.Evaluate([DriftColumn.Numeric("x", [1.0], [2.0])], Defaults);

        Assert.Equal(0, result.TestedCount);
        Assert.False(result.DatasetDrifted);
        Assert.True(result.Features[0].Skipped);
    }

    [Fact]
    public void Missing_share_changes_are_a_signal_only_when_significant_and_large()
    {
        FeatureDriftResult[] features =
        [
            Tested("big", DriftMethod.KolmogorovSmirnov, 0.5, 0.01) with { Nulls = new NullShareSignal(0.01, 0.2, 0.19, 1e-12) },
            Tested("small", DriftMethod.KolmogorovSmirnov, 0.5, 0.01) with { Nulls = new NullShareSignal(0.01, 0.03, 0.02, 1e-6) },
            Tested("noisy", DriftMethod.KolmogorovSmirnov, 0.5, 0.01) with { Nulls = new NullShareSignal(0.0, 0.1, 0.1, 0.2) },
        ];

        DatasetDriftResult result = DatasetDriftEvaluator.Evaluate(features, Defaults);

        Assert.Equal(["big"], result.NullShiftedFeatures);
        DriftAssert.Close(3e-12, result.Features[0].Nulls.AdjustedPValue!.Value, 1e-12);
    }

    [Fact]
    public void Columns_are_evaluated_end_to_end_and_names_must_be_unique()
    {
        DriftColumn shifted = DriftColumn.Numeric("shifted", DriftSamples.Smooth(300, 3), DriftSamples.Smooth(450, 4, 1.0));
        DriftColumn stable = DriftColumn.Numeric("stable", DriftSamples.Smooth(1000, 5), DriftSamples.Smooth(2500, 6));

        DatasetDriftResult result = DatasetDriftEvaluator.Evaluate([stable, shifted], Defaults);

        Assert.Equal(["shifted"], result.DriftedFeatures);
        Assert.Equal("shifted", result.Ranked[0].Feature);
        Assert.True(result.DatasetDrifted);
        Assert.Throws<ArgumentException>(() => DatasetDriftEvaluator.Evaluate([stable, stable], Defaults));
    }

    [Fact]
    public void Persistence_needs_k_of_the_last_n_windows()
    {
        DriftPersistenceRule rule = new();

        Assert.False(rule.Fires([true]));
        Assert.True(rule.Fires([true, false, true]));
        Assert.False(rule.Fires([true, true, false, false, true]));
        Assert.True(rule.Fires([false, true, true]));
        Assert.True(new DriftPersistenceRule(1, 1).Fires([false, true]));
        Assert.Throws<ArgumentException>(() => new DriftPersistenceRule(3, 2).Fires([true]));
    }

    [Fact]
    public void An_alert_names_the_features_whose_drift_persisted()
    {
        DatasetDriftResult Window(params (string Name, bool Drift, double Effect)[] features) =>
            DatasetDriftEvaluator.Evaluate(
                [.. features.Select(f => Tested(f.Name, DriftMethod.KolmogorovSmirnov, f.Drift ? 1e-9 : 0.9, f.Effect))],
                Defaults);

        DatasetDriftResult first = Window(("income", true, 0.3), ("age", false, 0.01), ("region", true, 0.6));
        DatasetDriftResult second = Window(("income", false, 0.01), ("age", false, 0.01), ("region", false, 0.01));
        DatasetDriftResult third = Window(("income", true, 0.2), ("age", false, 0.01), ("region", true, 0.5));

        DriftAlertDecision early = new DriftPersistenceRule().Evaluate([first, second]);
        DriftAlertDecision decision = new DriftPersistenceRule().Evaluate([first, second, third]);

        Assert.False(early.Fires);
        Assert.True(decision.Fires);
        Assert.True(decision.DatasetDriftPersists);
        Assert.Equal(["region", "income"], decision.PersistentFeatures);
        Assert.Empty(decision.PersistentNullShifts);
    }

    private static FeatureDriftResult Tested(string name, DriftMethod method, double p, double effect) => new()
    {
        Feature = name,
        Kind = method == DriftMethod.KolmogorovSmirnov ? DriftFeatureKind.Numeric : DriftFeatureKind.Categorical,
        Method = method,
        Threshold = 0.05,
        Statistic = 0.1,
        PValue = p,
        RawDrifted = DriftMethodSelector.TestDrifts(method, p, 0.05),
        Test = new DriftTestFigure(DriftMethodSelector.Calibrated(method), 0.1, p),
        Effect = new DriftDistanceFigure(method == DriftMethod.KolmogorovSmirnov ? DriftMethod.NormedWasserstein : DriftMethod.JensenShannonDistance, effect),
        ReferenceCount = 500,
        CurrentCount = 500,
        Nulls = new NullShareSignal(0, 0, 0, 1),
    };

    private static FeatureDriftResult Distanced(string name, double distance, double companionP) => new()
    {
        Feature = name,
        Kind = DriftFeatureKind.Numeric,
        Method = DriftMethod.NormedWasserstein,
        Threshold = 0.1,
        Statistic = distance,
        Distance = distance,
        RawDrifted = distance >= 0.1,
        Test = new DriftTestFigure(DriftMethod.KolmogorovSmirnov, 0.05, companionP),
        Effect = new DriftDistanceFigure(DriftMethod.NormedWasserstein, distance),
        ReferenceCount = 5000,
        CurrentCount = 60,
        Nulls = new NullShareSignal(0, 0, 0, 1),
    };
}
