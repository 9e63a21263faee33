using Xunit.Abstractions;
using MLOps.Core.Delivery.AbTesting;
using MLOps.Core.Labels;

namespace MLOps.UnitTests.Core.Delivery;

/// <summary>
/// The A/B rule's error rates by simulation, with seeded generators so each run is the same. Bounds on the rates:
/// a run decides like a Bernoulli trial, so over R runs the observed rate of a true rate q has standard deviation
/// √(q(1 − q)/R); the tests allow three of those (a correct rule fails them about 3 times in 1,000 seeds).
/// Power at the chosen sizes is about 0.98 (z-test: 0.70 against 0.78, 1,000 per arm) and 0.99 (Welch), so "≥ 90%" is well within reach.
/// </summary>
public sealed class AbTestSimulationTests(ITestOutputHelper output)
{
    private const int PerArm = 1000;
    private static readonly AbSettings Settings = new() { Alpha = 0.05, MinSamplesPerArm = PerArm };

    [Fact]
    public void Truly_different_accuracies_are_decided_for_the_better_arm_and_never_early()
    {
        var random = new Random(20260504);
        int treatmentWins = 0, controlWins = 0, early = 0;
        for (int run = 0; run < 200; run++)
        {
            double[] control = Bernoulli(random, 0.70, PerArm);
            double[] treatment = Bernoulli(random, 0.78, PerArm);
            AbOutcome outcome = AbTestRule.Decide(OutcomeKind.Correctness, control, treatment, Settings).Outcome;
            treatmentWins += outcome == AbOutcome.TreatmentWins ? 1 : 0;
            controlWins += outcome == AbOutcome.ControlWins ? 1 : 0;
            early += AbTestRule.Decide(OutcomeKind.Correctness, control, treatment[..(PerArm - 1)], Settings).Outcome == AbOutcome.Undecided ? 0 : 1;
        }

        output.WriteLine($"0.70 vs 0.78, {PerArm} per arm: treatment won {treatmentWins}/200, control {controlWins}, early decisions {early}.");
        Assert.True(treatmentWins >= 180, $"Treatment won {treatmentWins} of 200 runs; at least 180 (90%) expected.");
        Assert.Equal(0, controlWins);
        Assert.Equal(0, early);
    }

    [Fact]
    public void Equal_accuracies_declare_a_winner_at_about_alpha()
    {
        // False wins over 1,000 runs: 0.05 ± 3·√(0.05 · 0.95 / 1000) = 0.05 ± 0.0207, so 30 to 70 runs.
        var random = new Random(7);
        int wins = 0;
        for (int run = 0; run < 1000; run++)
        {
            AbOutcome outcome = AbTestRule.Decide(OutcomeKind.Correctness, Bernoulli(random, 0.70, PerArm), Bernoulli(random, 0.70, PerArm), Settings).Outcome;
            wins += outcome == AbOutcome.Undecided ? 0 : 1;
        }

        output.WriteLine($"0.70 vs 0.70, {PerArm} per arm: a winner in {wins}/1000 runs.");
        Assert.InRange(wins, 30, 70);
    }

    [Fact]
    public void Welch_decides_for_the_lower_error_and_keeps_its_false_win_rate_near_alpha()
    {
        // Absolute errors |N(0, σ)|: σ = 1 against σ = 1.25, 400 per arm (mean errors 0.80 and 1.00).
        var random = new Random(11);
        var settings = new AbSettings { MinSamplesPerArm = 400 };
        int controlWins = 0;
        for (int run = 0; run < 200; run++)
        {
            AbOutcome outcome = AbTestRule.Decide(OutcomeKind.AbsoluteError, AbsoluteErrors(random, 1.0, 400), AbsoluteErrors(random, 1.25, 400), settings).Outcome;
            controlWins += outcome == AbOutcome.ControlWins ? 1 : outcome == AbOutcome.TreatmentWins ? -1000 : 0;
        }

        int falseWins = 0;
        for (int run = 0; run < 1000; run++)
        {
            AbOutcome outcome = AbTestRule.Decide(OutcomeKind.AbsoluteError, AbsoluteErrors(random, 1.0, 400), AbsoluteErrors(random, 1.0, 400), settings).Outcome;
            falseWins += outcome == AbOutcome.Undecided ? 0 : 1;
        }

        output.WriteLine($"|N(0,1)| vs |N(0,1.25)|, 400 per arm: control won {controlWins}/200; equal arms: a winner in {falseWins}/1000.");
        Assert.True(controlWins >= 180, $"Control (lower error) won {controlWins} of 200 runs (a treatment win counts −1000); at least 180 expected.");
        Assert.InRange(falseWins, 30, 70);
    }

    private static double[] Bernoulli(Random random, double p, int n) => [.. Enumerable.Range(0, n).Select(_ => random.NextDouble() < p ? 1.0 : 0.0)];

    /// <summary>|σ·Z| with Z standard normal by Box–Muller.</summary>
    private static double[] AbsoluteErrors(Random random, double sigma, int n) =>
        [.. Enumerable.Range(0, n).Select(_ => Math.Abs(sigma * Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble())))];
}
