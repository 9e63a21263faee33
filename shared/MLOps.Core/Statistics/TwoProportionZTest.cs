namespace MLOps.Core.Statistics;

/// <summary>
/// The two-proportion z-test with the pooled variance (statsmodels' proportions_ztest default):
/// z = (p₁ − p₂) / √(p̂(1 − p̂)(1/n₁ + 1/n₂)), p̂ = (x₁ + x₂)/(n₁ + n₂), two-sided p from the normal distribution.
/// It is the square root of the uncorrected χ² test of the 2×2 table, with the sign of p₁ − p₂.
/// </summary>
public static class TwoProportionZTest
{
    public static TestResult Compute(long successes1, long trials1, long successes2, long trials2)
    {
        Check(successes1, trials1, nameof(successes1));
        Check(successes2, trials2, nameof(successes2));
        double pooled = (double)(successes1 + successes2) / (trials1 + trials2);
        double standardError = Math.Sqrt(pooled * (1 - pooled) * ((1.0 / trials1) + (1.0 / trials2)));
        if (standardError == 0)
        {
            // Both samples all successes or all failures: no variance, no test.
            return new TestResult(double.NaN, null, double.NaN);
        }

        double z = (((double)successes1 / trials1) - ((double)successes2 / trials2)) / standardError;
        return new TestResult(z, null, NormalDistribution.TwoSidedP(z));
    }

    private static void Check(long successes, long trials, string name)
    {
        if (trials < 1 || successes < 0 || successes > trials)
        {
            throw new ArgumentOutOfRangeException(name, successes, FormattableString.Invariant($"Need 0 ≤ successes ≤ trials and trials ≥ 1; got {successes} of {trials}."));
        }
    }
}
