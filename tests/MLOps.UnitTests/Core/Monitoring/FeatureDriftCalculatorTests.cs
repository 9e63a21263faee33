using MLOps.Core.Monitoring.Drift;

namespace MLOps.UnitTests.Core.Monitoring;

/// <summary>
/// One feature end to end: the method the preset picks, the figures (expected values from
/// <c>/usr/bin/python3 tests/reference/drift_reference.py</c> where a number is checked), bins, missing shares, and
/// the edge cases that must come back as results, never as exceptions.
/// </summary>
public sealed class FeatureDriftCalculatorTests
{
    private static readonly DriftOptions Defaults = new();

    [Fact]
    public void Small_reference_numeric_column_is_tested_with_ks()
    {
        DriftColumn column = DriftColumn.Numeric("income", DriftSamples.Smooth(300, 3), DriftSamples.Smooth(450, 4, 1.0));

        FeatureDriftResult result = FeatureDriftCalculator.Compute(column, Defaults);

        Assert.Equal(DriftMethod.KolmogorovSmirnov, result.Method);
        Assert.Equal(0.05, result.Threshold);
        DriftAssert.Close(0.6755555555555556, result.Statistic!.Value);
        DriftAssert.Close(1.1189510677378856e-78, result.PValue!.Value);
        Assert.True(result.RawDrifted);
        Assert.Equal((300L, 450L), (result.ReferenceCount, result.CurrentCount));
        Assert.Equal(DriftMethod.NormedWasserstein, result.Effect!.Method);
        Assert.Null(result.Distance);
    }

    [Fact]
    public void Categorical_column_is_tested_with_evidentlys_chi_square()
    {
        DriftColumn column = DriftColumn.Categorical("region", Labels((("a", 30), ("b", 50), ("c", 20))), Labels((("a", 25), ("b", 40), ("c", 35))));

        FeatureDriftResult result = FeatureDriftCalculator.Compute(column, Defaults);

        Assert.Equal(DriftMethod.ChiSquare, result.Method);
        DriftAssert.Close(14.083333333333334, result.Statistic!.Value);
        DriftAssert.Close(0.0008746675674878502, result.PValue!.Value);
        Assert.Equal(["a", "b", "c"], result.Categories);
        Assert.Equal(DriftMethod.JensenShannonDistance, result.Effect!.Method);

        // Evidently's rule flags it; the calibrated two-sample test (chi2_contingency: p = 0.0591) does not.
        Assert.True(result.RawDrifted);
        Assert.Equal(DriftMethod.ChiSquareTwoSample, result.Test!.Method);
        DriftAssert.Close(0.05911427592751336, result.Test.PValue);
        Assert.False(DatasetDriftEvaluator.Evaluate([result], Defaults).Features[0].Drifted);
    }

    [Fact]
    public void Binary_column_is_tested_with_the_two_proportion_z()
    {
        DriftColumn column = DriftColumn.Categorical("flag", Labels((("no", 60), ("yes", 40))), Labels((("no", 45), ("yes", 55))));

        FeatureDriftResult result = FeatureDriftCalculator.Compute(column, Defaults);

        Assert.Equal(DriftMethod.ProportionZ, result.Method);
        DriftAssert.Close(-2.1239769762143665, result.Statistic!.Value);
        DriftAssert.Close(0.03367206885634577, result.PValue!.Value);
        Assert.True(result.RawDrifted);
    }

    [Fact]
    public void Large_reference_numeric_column_is_measured_with_normed_wasserstein()
    {
        DriftColumn column = DriftColumn.Numeric("age", DriftSamples.Smooth(2000, 4), DriftSamples.Smooth(3000, 5, 0.1, 1.1));

        FeatureDriftResult result = FeatureDriftCalculator.Compute(column, Defaults);

        Assert.Equal(DriftMethod.NormedWasserstein, result.Method);
        Assert.Equal(0.1, result.Threshold);
        DriftAssert.Close(0.21340838224172143, result.Distance!.Value);
        Assert.True(result.RawDrifted);
        Assert.Equal(DriftMethod.KolmogorovSmirnov, result.Test!.Method);
    }

    [Fact]
    public void Psi_is_reported_with_its_sturges_edges_and_the_other_binnings_match_numpy()
    {
        double[] reference = DriftSamples.Smooth(500, 14), current = DriftSamples.Smooth(700, 15, 0.25, 1.2);
        DriftColumn column = DriftColumn.Numeric("score", reference, current);

        FeatureDriftResult sturges = FeatureDriftCalculator.Compute(column, Defaults);
        FeatureDriftResult width = FeatureDriftCalculator.Compute(column, Defaults with { PsiBinning = new PsiBinning(PsiBinningKind.EqualWidth, 7) });
        FeatureDriftResult quantiles = FeatureDriftCalculator.Compute(column, Defaults with { PsiBinning = new PsiBinning(PsiBinningKind.ReferenceQuantiles) });

        DriftAssert.Close(0.5320779035623012, sturges.Psi!.Value);
        Assert.True(sturges.Psi.Drifted);
        Assert.Equal(13, sturges.Psi.Edges!.Count);
        Assert.Equal(-1.3896722294393922, sturges.Psi.Edges[0]);
        Assert.Equal(1.9971170180873385, sturges.Psi.Edges[^1]);
        DriftAssert.Close(0.2774208340738842, width.Psi!.Value);
        Assert.Equal(8, width.Psi.Edges!.Count);
        DriftAssert.Close(0.20471816906353316, quantiles.Psi!.Value);
        Assert.Equal(double.NegativeInfinity, quantiles.Psi.Edges![0]);
        DriftAssert.Close(-0.6391126211651842, quantiles.Psi.Edges[1]);
        DriftAssert.Close(0.6614469871090238, quantiles.Psi.Edges[^2]);
        Assert.Equal(double.PositiveInfinity, quantiles.Psi.Edges[^1]);
    }

    [Fact]
    public void Psi_as_the_method_records_its_bin_edges()
    {
        DriftColumn column = DriftColumn.Numeric("score", DriftSamples.Smooth(500, 14), DriftSamples.Smooth(700, 15, 0.25, 1.2));
        DriftOptions options = Defaults with { FeatureMethods = new Dictionary<string, DriftMethod> { ["score"] = DriftMethod.Psi } };

        FeatureDriftResult result = FeatureDriftCalculator.Compute(column, options);

        Assert.Equal(DriftMethod.Psi, result.Method);
        DriftAssert.Close(0.5320779035623012, result.Distance!.Value);
        Assert.Equal(13, result.BinEdges!.Count);
    }

    [Fact]
    public void Vertex_preset_bins_numbers_for_jensen_shannon_and_uses_l_infinity_for_categories()
    {
        DriftOptions vertex = Defaults with { Preset = DriftPreset.VertexAi };
        DriftColumn numeric = DriftColumn.Numeric("score", DriftSamples.Smooth(500, 14), DriftSamples.Smooth(700, 15, 0.25, 1.2));
        DriftColumn categorical = DriftColumn.Categorical("region", Labels((("a", 30), ("b", 50), ("c", 20))), Labels((("a", 25), ("b", 40), ("c", 35))));

        FeatureDriftResult js = FeatureDriftCalculator.Compute(numeric, vertex);
        FeatureDriftResult linf = FeatureDriftCalculator.Compute(categorical, vertex);

        Assert.Equal(DriftMethod.JensenShannonDivergence, js.Method);
        Assert.Equal(0.3, js.Threshold);
        DriftAssert.Close(0.24270595779708407 * 0.24270595779708407, js.Distance!.Value);
        Assert.Equal(13, js.BinEdges!.Count);
        Assert.False(js.RawDrifted);
        Assert.Equal(DriftMethod.LInfinity, linf.Method);
        Assert.Equal(0.15, linf.Distance!.Value, 12);
    }

    [Fact]
    public void Azure_preset_uses_distances_whatever_the_reference_size()
    {
        DriftOptions azure = Defaults with { Preset = DriftPreset.AzureMl };
        DriftColumn categorical = DriftColumn.Categorical("region", Labels((("a", 30), ("b", 50), ("c", 20))), Labels((("a", 25), ("b", 40), ("c", 35))));

        Assert.Equal(DriftMethod.NormedWasserstein, FeatureDriftCalculator.Compute(DriftColumn.Numeric("x", DriftSamples.Smooth(60, 1), DriftSamples.Smooth(45, 2)), azure).Method);
        Assert.Equal(DriftMethod.JensenShannonDistance, FeatureDriftCalculator.Compute(categorical, azure).Method);
    }

    [Fact]
    public void A_column_empty_in_the_window_is_skipped_with_a_warning_and_its_missing_share_reported()
    {
        DriftColumn column = DriftColumn.Numeric("income", [.. DriftSamples.Smooth(100, 1).Select(v => (double?)v)], Enumerable.Repeat<double?>(null, 80).ToArray());

        FeatureDriftResult result = FeatureDriftCalculator.Compute(column, Defaults);

        Assert.True(result.Skipped);
        Assert.Contains("no non-missing values of income", result.Warning, StringComparison.Ordinal);
        Assert.Null(result.Method);
        Assert.Equal(0.0, result.Nulls.ReferenceShare);
        Assert.Equal(1.0, result.Nulls.CurrentShare);
        Assert.Equal(1.0, result.Nulls.Change);
        Assert.True(result.Nulls.PValue < 1e-30);
    }

    [Fact]
    public void Columns_with_no_rows_at_all_are_skipped_not_thrown()
    {
        FeatureDriftResult noWindow = FeatureDriftCalculator.Compute(DriftColumn.Categorical("c", ["a", "b"], []), Defaults);
        FeatureDriftResult noReference = FeatureDriftCalculator.Compute(DriftColumn.Numeric("x", Array.Empty<double>(), [1.0, 2.0]), Defaults);

        Assert.True(noWindow.Skipped);
        Assert.Null(noWindow.Nulls.PValue);
        Assert.True(noReference.Skipped);
        Assert.Contains("reference has no non-missing values", noReference.Warning, StringComparison.Ordinal);
    }

    [Fact]
    public void NaN_and_infinities_count_as_missing()
    {
        double?[] reference = [.. DriftSamples.Smooth(40, 1).Select(v => (double?)v), double.NaN, double.PositiveInfinity, null, double.NegativeInfinity];
        double?[] current = [.. DriftSamples.Smooth(40, 2).Select(v => (double?)v)];

        FeatureDriftResult result = FeatureDriftCalculator.Compute(DriftColumn.Numeric("x", reference, current), Defaults);

        Assert.False(result.Skipped);
        Assert.Equal(40, result.ReferenceCount);
        Assert.Equal(4.0 / 44, result.Nulls.ReferenceShare);
        Assert.Equal(-4.0 / 44, result.Nulls.Change);
    }

    [Fact]
    public void Too_few_values_are_not_tested()
    {
        DriftColumn column = DriftColumn.Numeric("x", DriftSamples.Smooth(200, 1), DriftSamples.Smooth(12, 2, 3.0));

        FeatureDriftResult result = FeatureDriftCalculator.Compute(column, Defaults);

        Assert.True(result.Skipped);
        Assert.Equal("Only 12 non-missing values of x in the window (minimum 30); not tested.", result.Warning);
        Assert.False(FeatureDriftCalculator.Compute(column, Defaults with { MinimumSampleSize = 10 }).Skipped);
    }

    [Fact]
    public void Constant_columns_drift_only_when_the_constant_changes()
    {
        double[] twos = Enumerable.Repeat(2.0, 50).ToArray();

        FeatureDriftResult same = FeatureDriftCalculator.Compute(DriftColumn.Numeric("c", twos, twos), Defaults);
        FeatureDriftResult moved = FeatureDriftCalculator.Compute(DriftColumn.Numeric("c", twos, Enumerable.Repeat(3.0, 50).ToArray()), Defaults);

        Assert.Equal(DriftMethod.ProportionZ, same.Method);
        Assert.Equal(1.0, same.PValue);
        Assert.False(same.RawDrifted);
        Assert.Equal(0.0, same.Effect!.Value);
        Assert.Equal(0.0, same.Psi!.Value);
        Assert.True(moved.RawDrifted);
        Assert.Equal(1.0, moved.Effect!.Value, 12);
    }

    [Fact]
    public void A_single_category_is_not_drift()
    {
        string?[] only = Enumerable.Repeat<string?>("x", 40).ToArray();

        FeatureDriftResult result = FeatureDriftCalculator.Compute(DriftColumn.Categorical("c", only, only), Defaults);

        Assert.Equal(DriftMethod.ProportionZ, result.Method);
        Assert.Equal(1.0, result.PValue);
        Assert.False(result.RawDrifted);
    }

    [Fact]
    public void A_numeric_method_forced_on_categories_is_a_warning()
    {
        DriftOptions options = Defaults with { FeatureMethods = new Dictionary<string, DriftMethod> { ["c"] = DriftMethod.KolmogorovSmirnov } };
        string?[] labels = [.. Enumerable.Range(0, 40).Select(i => (i % 3).ToString(System.Globalization.CultureInfo.InvariantCulture))];

        FeatureDriftResult result = FeatureDriftCalculator.Compute(DriftColumn.Categorical("c", labels, labels), options);

        Assert.True(result.Skipped);
        Assert.Equal("KolmogorovSmirnov needs numbers but c is categorical; not tested.", result.Warning);
    }

    [Fact]
    public void Thresholds_can_be_overridden_per_method()
    {
        DriftColumn column = DriftColumn.Numeric("x", DriftSamples.Smooth(50, 1), DriftSamples.Smooth(50, 2, 0.3));
        DriftOptions strict = Defaults with { Thresholds = new Dictionary<DriftMethod, double> { [DriftMethod.KolmogorovSmirnov] = 0.1 } };

        // scipy: p = 0.0678 for this pair: not drift at 0.05, drift at 0.1.
        Assert.False(FeatureDriftCalculator.Compute(column, Defaults).RawDrifted);
        Assert.True(FeatureDriftCalculator.Compute(column, strict).RawDrifted);
    }

    private static string?[] Labels(((string Label, int Count) A, (string Label, int Count) B) counts) =>
        [.. Enumerable.Repeat(counts.A.Label, counts.A.Count), .. Enumerable.Repeat(counts.B.Label, counts.B.Count)];

    private static string?[] Labels(((string Label, int Count) A, (string Label, int Count) B, (string Label, int Count) C) counts) =>
        [.. Enumerable.Repeat(counts.A.Label, counts.A.Count), .. Enumerable.Repeat(counts.B.Label, counts.B.Count), .. Enumerable.Repeat(counts.C.Label, counts.C.Count)];
}
