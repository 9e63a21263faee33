namespace MLOps.Core.Statistics;

/// <summary>
/// Welch's unequal-variance t-test (scipy.stats.ttest_ind(a, b, equal_var=False)): t = (m₁ − m₂) / √(s₁²/n₁ + s₂²/n₂)
/// with sample variances (n − 1), the Welch–Satterthwaite degrees of freedom, and the two-sided p from Student's t.
/// </summary>
public static class WelchTTest
{
    public static TestResult Compute(IReadOnlyList<double> sample1, IReadOnlyList<double> sample2)
    {
        SampleGuard.NoNaN(sample1, nameof(sample1));
        SampleGuard.NoNaN(sample2, nameof(sample2));
        (double mean1, double variance1) = MeanAndVariance(sample1, nameof(sample1));
        (double mean2, double variance2) = MeanAndVariance(sample2, nameof(sample2));
        return FromSummaries(mean1, variance1, sample1.Count, mean2, variance2, sample2.Count);
    }

    public static TestResult FromSummaries(double mean1, double variance1, long count1, double mean2, double variance2, long count2)
    {
        if (count1 < 2 || count2 < 2)
        {
            throw new ArgumentException(FormattableString.Invariant($"Welch's test needs at least two values per sample; got {count1} and {count2}."));
        }

        double share1 = variance1 / count1;
        double share2 = variance2 / count2;
        double squaredError = share1 + share2;
        if (squaredError == 0)
        {
            return new TestResult(double.NaN, double.NaN, double.NaN);
        }

        double t = (mean1 - mean2) / Math.Sqrt(squaredError);
        double df = squaredError * squaredError / ((share1 * share1 / (count1 - 1)) + (share2 * share2 / (count2 - 1)));
        return new TestResult(t, df, StudentT.TwoSidedP(t, df));
    }

    /// <summary>Two passes: the mean first, then squared deviations, which keeps precision on large values.</summary>
    private static (double Mean, double Variance) MeanAndVariance(IReadOnlyList<double> sample, string name)
    {
        if (sample.Count < 2)
        {
            throw new ArgumentException($"Welch's test needs at least two values; {name} has {sample.Count}.", name);
        }

        double mean = sample.Average();
        double squares = 0;
        foreach (double value in sample)
        {
            squares += (value - mean) * (value - mean);
        }

        return (mean, squares / (sample.Count - 1));
    }
}
