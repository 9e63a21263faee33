using System.Globalization;
using MLOps.Core.Monitoring.Statistics;

namespace MLOps.Core.Monitoring.Drift;

/// <summary>
/// The window's decisions, which need all features at once: Benjamini–Hochberg over the tested features' p-values,
/// then per feature the method's rule plus the false-alarm controls of <see cref="DriftOptions"/> (effect-size floor
/// for tests, significance guard for distances), the missing-share signals (their own BH family), and dataset drift.
/// </summary>
public static class DatasetDriftEvaluator
{
    public static DatasetDriftResult Evaluate(IReadOnlyList<DriftColumn> columns, DriftOptions options)
    {
        ArgumentNullException.ThrowIfNull(columns);
        string? duplicate = columns.GroupBy(c => c.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1)?.Key;
        if (duplicate is not null)
        {
            throw new ArgumentException($"Feature '{duplicate}' appears more than once.", nameof(columns));
        }

        return Evaluate([.. columns.Select(c => FeatureDriftCalculator.Compute(c, options))], options);
    }

    public static DatasetDriftResult Evaluate(IReadOnlyList<FeatureDriftResult> features, DriftOptions options)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(options);
        double[] adjusted = AdjustedTests(features, options);
        double[] nullAdjusted = AdjustedNulls(features);

        FeatureDriftResult[] decided = new FeatureDriftResult[features.Count];
        for (int i = 0; i < features.Count; i++)
        {
            FeatureDriftResult feature = features[i];
            NullShareSignal nulls = feature.Nulls with
            {
                AdjustedPValue = feature.Nulls.PValue is null ? null : nullAdjusted[i],
                Shifted = feature.Nulls.PValue is not null
                    && nullAdjusted[i] <= options.SignificanceLevel
                    && Math.Abs(feature.Nulls.Change) >= options.NullShareChangeFloor,
            };
            decided[i] = feature.Skipped || feature.Test is null
                ? feature with { Nulls = nulls, Drifted = false }
                : Decide(feature with { Nulls = nulls, Test = feature.Test with { AdjustedPValue = adjusted[i] } }, options);
        }

        int tested = decided.Count(f => !f.Skipped);
        int drifted = decided.Count(f => f.Drifted);
        double share = tested == 0 ? 0 : (double)drifted / tested;
        return new DatasetDriftResult(decided, tested, drifted, share, options.DatasetDriftShare,
            tested > 0 && share >= options.DatasetDriftShare);
    }

    private static FeatureDriftResult Decide(FeatureDriftResult feature, DriftOptions options)
    {
        DriftTestFigure test = feature.Test!;
        double adjustedP = test.AdjustedPValue!.Value;
        DriftMethod method = feature.Method!.Value;
        double threshold = feature.Threshold!.Value;

        if (DriftMethodSelector.IsTest(method))
        {
            bool significant = DriftMethodSelector.TestDrifts(method, adjustedP, threshold);
            double effect = feature.Effect?.Value ?? double.PositiveInfinity;
            bool large = effect >= options.EffectSizeFloor;
            string? note = !feature.RawDrifted ? null
                : !significant ? Format($"{method} flags it alone (p = {feature.PValue:G4}); the window's two-sample test ({test.Method}, p = {test.PValue:G4}, Benjamini–Hochberg adjusted {adjustedP:G4}) does not.")
                : !large ? Format($"Significant (adjusted p = {adjustedP:G4}) but the change is below the effect-size floor ({feature.Effect!.Method} = {effect:G4} < {options.EffectSizeFloor:G4}).")
                : null;
            return feature with { Drifted = significant && large, Note = note };
        }

        bool confirmed = !options.SignificanceGuard || adjustedP <= options.SignificanceLevel;
        string? guardNote = feature.RawDrifted && !confirmed
            ? Format($"{method} = {feature.Distance:G4} is above {threshold:G4} but {test.Method} finds no significant change at this window size (adjusted p = {adjustedP:G4}).")
            : null;
        return feature with { Drifted = feature.RawDrifted && confirmed, Note = guardNote };
    }

    private static double[] AdjustedTests(IReadOnlyList<FeatureDriftResult> features, DriftOptions options)
    {
        double[] adjusted = new double[features.Count];
        int[] family = [.. Enumerable.Range(0, features.Count).Where(i => !features[i].Skipped && features[i].Test is not null)];
        double[] raw = [.. family.Select(i => features[i].Test!.PValue)];
        double[] corrected = options.FalseDiscoveryControl ? BenjaminiHochberg.Adjust(raw) : raw;
        for (int k = 0; k < family.Length; k++)
        {
            adjusted[family[k]] = corrected[k];
        }

        return adjusted;
    }

    private static double[] AdjustedNulls(IReadOnlyList<FeatureDriftResult> features)
    {
        double[] adjusted = new double[features.Count];
        int[] family = [.. Enumerable.Range(0, features.Count).Where(i => features[i].Nulls.PValue is not null)];
        double[] corrected = BenjaminiHochberg.Adjust([.. family.Select(i => features[i].Nulls.PValue!.Value)]);
        for (int k = 0; k < family.Length; k++)
        {
            adjusted[family[k]] = corrected[k];
        }

        return adjusted;
    }

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
