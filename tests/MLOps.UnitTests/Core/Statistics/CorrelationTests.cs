using MLOps.Core.Statistics;
using MLOps.UnitTests.Core.Requirements;

namespace MLOps.UnitTests.Core.Statistics;

public sealed class CorrelationTests
{
    [Theory]
    [InlineData("credit", "Amount", "Price", 0.7250062502073101)]
    [InlineData("credit", "Income", "Amount", 0.1918672997441977)]
    [InlineData("churn", "total_day_minutes", "total_day_charge", 0.9999999509832015)]
    public void Matches_scipy_pearsonr(string dataSet, string x, string y, double expected)
    {
        // scipy.stats.pearsonr(x, y).statistic with missing rows dropped pairwise (reference script).
        (double[] xs, double[] ys) = ReferenceData.Numeric(dataSet == "credit" ? SpecFixtures.CreditData : SpecFixtures.ChurnData, x, y);

        Assert.Equal(expected, Correlation.Pearson(xs, ys), 1e-9);
        Assert.Equal(expected, Correlation.Pearson(ys, xs), 1e-9);
    }

    [Fact]
    public void Exact_lines_and_constants()
    {
        double[] x = [1, 2, 3, 4, 5];

        Assert.Equal(1.0, Correlation.Pearson(x, x.Select(v => (3 * v) + 1e6).ToArray()), 1e-12);
        Assert.Equal(-1.0, Correlation.Pearson(x, x.Select(v => -v).ToArray()), 1e-12);
        Assert.True(double.IsNaN(Correlation.Pearson(x, [2, 2, 2, 2, 2])));
        Assert.Throws<ArgumentException>(() => Correlation.Pearson([1], [1]));
    }
}
