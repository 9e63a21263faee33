using System.Globalization;
using MLOps.Core.Labels;
using MLOps.Core.Statistics;

namespace MLOps.Core.Delivery.AbTesting;

/// <summary>
/// The A/B decision on labelled outcomes. Classification: correctness (0/1) per labelled prediction, the pooled
/// two-proportion z-test. Regression: absolute error, Welch's t-test, and the lower mean wins. Undecided until both
/// arms have <see cref="AbSettings.MinSamplesPerArm"/> outcomes; then the better arm wins when the two-sided p is
/// below <see cref="AbSettings.Alpha"/>. The statistic is treatment minus control. One look at a planned sample keeps
/// the false-win rate at alpha; judging the same running test again and again raises it.
/// </summary>
public static class AbTestRule
{
    public const string ZTest = "two-proportion z";
    public const string WelchT = "Welch t";
    public const string NoTest = "none";

    public static AbDecision Decide(LabelledOutcomes control, LabelledOutcomes treatment, AbSettings settings)
    {
        ArgumentNullException.ThrowIfNull(control);
        ArgumentNullException.ThrowIfNull(treatment);
        if (control.Kind is { } a && treatment.Kind is { } b && a != b)
        {
            return Unjudged(control, treatment, "The arms answer different tasks (classification and regression); they cannot be compared.");
        }

        if ((control.Kind ?? treatment.Kind) is not { } kind)
        {
            return Unjudged(control, treatment, "Neither arm scored a request in the window.");
        }

        return Decide(kind, control.Values, treatment.Values, settings);
    }

    public static AbDecision Decide(OutcomeKind kind, IReadOnlyList<double> control, IReadOnlyList<double> treatment, AbSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (!(settings.Alpha is > 0 and < 1) || settings.MinSamplesPerArm < 2)
        {
            throw new ArgumentException("A/B settings: Alpha in (0, 1) and MinSamplesPerArm ≥ 2.", nameof(settings));
        }

        string test = kind == OutcomeKind.Correctness ? ZTest : WelchT;
        double? controlMean = control.Count > 0 ? control.Average() : null;
        double? treatmentMean = treatment.Count > 0 ? treatment.Average() : null;
        AbDecision Undecided(double? statistic, double? p, string detail) =>
            new(AbOutcome.Undecided, test, control.Count, treatment.Count, controlMean, treatmentMean, statistic, p, detail);

        if (control.Count < settings.MinSamplesPerArm || treatment.Count < settings.MinSamplesPerArm)
        {
            return Undecided(null, null, string.Create(CultureInfo.InvariantCulture,
                $"Control has {control.Count} and treatment {treatment.Count} labelled outcomes; each arm needs {settings.MinSamplesPerArm} before a decision."));
        }

        TestResult result = kind == OutcomeKind.Correctness
            ? TwoProportionZTest.Compute(Successes(treatment), treatment.Count, Successes(control), control.Count)
            : WelchTTest.Compute(treatment, control);
        if (double.IsNaN(result.PValue))
        {
            return Undecided(null, null, "Neither arm's outcomes vary (all alike), so the test is undefined; nothing tells the arms apart.");
        }

        string measure = kind == OutcomeKind.Correctness ? "accuracy" : "mean absolute error";
        string figures = string.Create(CultureInfo.InvariantCulture,
            $"{measure} control {controlMean:G4} (n = {control.Count}), treatment {treatmentMean:G4} (n = {treatment.Count}), {test} = {result.Statistic:G4}, p = {result.PValue:G4}");
        if (result.PValue >= settings.Alpha)
        {
            return Undecided(result.Statistic, result.PValue, string.Create(CultureInfo.InvariantCulture,
                $"No significant difference at alpha {settings.Alpha:G4}: {figures}."));
        }

        bool treatmentBetter = kind == OutcomeKind.Correctness ? treatmentMean > controlMean : treatmentMean < controlMean;
        AbOutcome outcome = treatmentBetter ? AbOutcome.TreatmentWins : AbOutcome.ControlWins;
        return new AbDecision(outcome, test, control.Count, treatment.Count, controlMean, treatmentMean, result.Statistic, result.PValue, string.Create(CultureInfo.InvariantCulture,
            $"{(treatmentBetter ? "Treatment" : "Control")} wins at alpha {settings.Alpha:G4}: {figures}."));
    }

    private static long Successes(IReadOnlyList<double> outcomes) => outcomes.LongCount(v => v == 1);

    private static AbDecision Unjudged(LabelledOutcomes control, LabelledOutcomes treatment, string detail) =>
        new(AbOutcome.Undecided, NoTest, control.Values.Count, treatment.Values.Count, null, null, null, null, detail);
}
