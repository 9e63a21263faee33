using MLOps.Core.Statistics;
using MLOps.UnitTests.Core.Requirements;

namespace MLOps.UnitTests.Core.Statistics;

public sealed class UnivariateAucTests
{
    [Fact]
    public void Matches_sklearn_on_credit_amount()
    {
        (double[] amount, bool[] bad) = ReferenceData.CreditVersusBad("Amount");

        // roc_auc_score(Status == "bad", Amount) = 0.5945980362838915; mannwhitneyu U / (n1 n0) agrees.
        Assert.Equal(0.5945980362838915, UnivariateAuc.Compute(amount, bad), 1e-9);
        Assert.Equal(0.5945980362838915, UnivariateAuc.Separation(amount, bad), 1e-9);
    }

    [Fact]
    public void Matches_sklearn_on_credit_income_with_missing_values_dropped()
    {
        (double[] income, bool[] bad) = ReferenceData.CreditVersusBad("Income");

        // credit_income_rows = 4073; roc_auc_score = 0.36425859788611875 (income is lower for bad loans).
        Assert.Equal(4073, income.Length);
        Assert.Equal(0.36425859788611875, UnivariateAuc.Compute(income, bad), 1e-9);
        Assert.Equal(1 - 0.36425859788611875, UnivariateAuc.Separation(income, bad), 1e-9);
    }

    [Fact]
    public void Ties_share_average_ranks_like_sklearn()
    {
        double[] scores = [0.1, 0.4, 0.4, 0.35, 0.8, 0.4, 0.1, 0.9];
        bool[] labels = [false, false, true, true, true, false, true, true];

        // roc_auc_score([0,0,1,1,1,0,1,1], scores) = 0.6333333333333333 = 9.5 / 15 exactly.
        Assert.Equal(0.6333333333333333, UnivariateAuc.Compute(scores, labels), 1e-12);
        Assert.Equal(9.5 / 15, UnivariateAuc.Compute(scores, labels), 1e-15);
    }

    [Fact]
    public void Perfect_and_reversed_scores()
    {
        double[] scores = [1, 2, 3, 4];

        Assert.Equal(1.0, UnivariateAuc.Compute(scores, [false, false, true, true]));
        Assert.Equal(0.0, UnivariateAuc.Compute(scores, [true, true, false, false]));
        Assert.Equal(1.0, UnivariateAuc.Separation(scores, [true, true, false, false]));
        Assert.Equal(0.5, UnivariateAuc.Compute([7, 7, 7, 7], [true, false, true, false]));
    }

    [Fact]
    public void Refuses_one_class_mismatched_lengths_and_nan()
    {
        Assert.Throws<ArgumentException>(() => UnivariateAuc.Compute([1, 2], [true, true]));
        Assert.Throws<ArgumentException>(() => UnivariateAuc.Compute([1, 2, 3], [true, false]));
        Assert.Throws<ArgumentException>(() => UnivariateAuc.Compute([1, double.NaN], [true, false]));
    }
}
