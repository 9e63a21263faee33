using MLOps.Core.Monitoring.Drift;
using Xunit.Abstractions;

namespace MLOps.UnitTests.Core.Monitoring;

/// <summary>
/// No true drift: 30 features (20 normal numbers, 10 four-way categories), a reference of 500 rows and 200 windows
/// of 200 rows all drawn from the same distributions (seeded; Evidently's defaults pick K-S and chi-square). With
/// 30 tests at 5% per window, uncorrected testing raises a false alarm in about 1 − 0.95³⁰ ≈ 79% of windows;
/// Benjamini–Hochberg keeps that family-wise rate near 5% (under the global null BH's FDR bound is a family-wise
/// bound). Tolerances: with 200 windows the standard error of a 5% rate is 1.5 points, so "at most 10%" is three
/// standard errors above 5%.
/// </summary>
public sealed class FalseAlarmSimulationTests(ITestOutputHelper output)
{
    private const int Numeric = 20, Categorical = 10, ReferenceRows = 500, WindowRows = 200, Windows = 200;

    private static readonly string[] Categories = ["a", "b", "c", "d"];

    private static readonly double[] CategoryWeights = [0.4, 0.3, 0.2, 0.1];

    [Fact]
    public void Benjamini_hochberg_keeps_the_family_wise_false_alarm_rate_near_alpha()
    {
        Random random = new(20240611);
        (double[][] numericReference, string[][] categoricalReference) = Draw(random, ReferenceRows);
        DriftOptions uncorrectedOptions = new() { FalseDiscoveryControl = false, EffectSizeFloor = 0 };
        DriftOptions bhOnly = new() { EffectSizeFloor = 0 };
        DriftOptions defaults = new();

        Rates evidently = new(), uncorrected = new(), bh = new(), full = new();
        List<DatasetDriftResult> history = [];
        int alerts = 0;
        for (int w = 0; w < Windows; w++)
        {
            (double[][] numeric, string[][] categorical) = Draw(random, WindowRows);
            DriftColumn[] columns =
            [
                .. numeric.Select((values, i) => DriftColumn.Numeric($"n{i}", numericReference[i], values)),
                .. categorical.Select((values, i) => DriftColumn.Categorical($"c{i}", categoricalReference[i], values)),
            ];
            FeatureDriftResult[] raw = [.. columns.Select(c => FeatureDriftCalculator.Compute(c, defaults))];
            evidently.Add(raw.Select(f => (f.Kind, f.RawDrifted)));
            uncorrected.Add(DatasetDriftEvaluator.Evaluate(raw, uncorrectedOptions).Features.Select(f => (f.Kind, f.Drifted)));
            bh.Add(DatasetDriftEvaluator.Evaluate(raw, bhOnly).Features.Select(f => (f.Kind, f.Drifted)));
            DatasetDriftResult window = DatasetDriftEvaluator.Evaluate(raw, defaults);
            full.Add(window.Features.Select(f => (f.Kind, f.Drifted)));
            history.Add(window);
            alerts += new DriftPersistenceRule().Evaluate(history).Fires ? 1 : 0;
        }

        output.WriteLine($"Evidently's rules:         {evidently}");
        output.WriteLine($"two-sample tests, no BH:   {uncorrected}");
        output.WriteLine($"two-sample tests with BH:  {bh}");
        output.WriteLine($"defaults (BH + floor):     {full}");
        output.WriteLine($"alerts (2 of 3 windows):   {alerts} of {Windows}");

        // Each calibrated test alone holds its level (4,000 numeric and 2,000 categorical tests: standard errors of
        // 0.35 and 0.5 points around 5%).
        Assert.InRange(uncorrected.NumericRate, 0.035, 0.065);
        Assert.InRange(uncorrected.CategoricalRate, 0.03, 0.07);

        // Evidently's chi-square takes the reference shares as exact: about 13% false alarms per categorical test.
        Assert.True(evidently.CategoricalRate >= 0.09, $"Evidently's chi-square false-alarm rate {evidently.CategoricalRate:P1}.");

        // Thirty tests per window: 1 − 0.95³⁰ ≈ 79% of windows raise a false alarm without correction.
        Assert.InRange(uncorrected.WindowRate, 0.65, 0.92);

        // With BH the family-wise rate is near α = 5% (at most 10%, three standard errors), a cut of at least 6×.
        Assert.InRange(bh.WindowRate, 0.0, 0.10);
        Assert.True(uncorrected.WindowRate >= 6 * bh.WindowRate, $"{uncorrected.WindowRate:P1} vs {bh.WindowRate:P1}.");
        Assert.True(full.WindowRate <= bh.WindowRate);

        // Persistence makes an alert rarer still: a false alarm must recur for the same feature.
        Assert.True(alerts <= 2, $"{alerts} alerts in {Windows} windows without drift.");
    }

    /// <summary>False alarms per test (numeric, categorical) and windows with at least one.</summary>
    private sealed class Rates
    {
        private int numericTests, numericAlarms, categoricalTests, categoricalAlarms, windows, alarmedWindows;

        public double NumericRate => (double)numericAlarms / numericTests;

        public double CategoricalRate => (double)categoricalAlarms / categoricalTests;

        public double WindowRate => (double)alarmedWindows / windows;

        public void Add(IEnumerable<(DriftFeatureKind Kind, bool Drifted)> features)
        {
            bool any = false;
            foreach ((DriftFeatureKind kind, bool drifted) in features)
            {
                any |= drifted;
                if (kind == DriftFeatureKind.Numeric)
                {
                    numericTests++;
                    numericAlarms += drifted ? 1 : 0;
                }
                else
                {
                    categoricalTests++;
                    categoricalAlarms += drifted ? 1 : 0;
                }
            }

            windows++;
            alarmedWindows += any ? 1 : 0;
        }

        public override string ToString() => string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"per numeric test {NumericRate:P2}, per categorical test {CategoricalRate:P2}, windows with a false alarm {WindowRate:P1}");
    }

    private static (double[][] Numeric, string[][] Categorical) Draw(Random random, int rows)
    {
        double[][] numeric = [.. Enumerable.Range(0, Numeric).Select(_ => Enumerable.Range(0, rows).Select(_ => Normal(random)).ToArray())];
        string[][] categorical = [.. Enumerable.Range(0, Categorical).Select(_ => Enumerable.Range(0, rows).Select(_ => Category(random)).ToArray())];
        return (numeric, categorical);
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    private static string Category(Random random)
    {
        double u = random.NextDouble(), cumulative = 0;
        for (int i = 0; i < Categories.Length; i++)
        {
            cumulative += CategoryWeights[i];
            if (u < cumulative)
            {
                return Categories[i];
            }
        }

        return Categories[^1];
    }
}
