using MLOps.Core.Statistics;
using MLOps.UnitTests.Core.Requirements;

namespace MLOps.UnitTests.Core.Statistics;

public sealed class InformationValueTests
{
    [Fact]
    public void Fixed_example_matches_the_numpy_reference()
    {
        double[] values = [.. Enumerable.Range(1, 12).Select(i => (double)i)];
        bool[] bad = [false, false, false, true, false, true, true, false, true, true, true, true];

        InformationValueResult result = InformationValue.ForNumeric(values, bad, [3, 6, 9]);

        // Reference script: fixed_woe and fixed_iv (+0.5 per bin count, WoE = ln(good share / bad share)).
        double[] woe = [2.197224577336219, -0.2595111954850847, -0.2595111954850847, -1.6945957207744073];
        Assert.Equal(woe.Length, result.Bins.Count);
        for (int i = 0; i < woe.Length; i++)
        {
            Assert.Equal(woe[i], result.Bins[i].WoE, 1e-12);
        }

        Assert.Equal(1.5474649546790946, result.Value, 1e-12);
        Assert.Equal(("(-inf, 3]", 0L, 3L), (result.Bins[0].Label, result.Bins[0].Events, result.Bins[0].NonEvents));
    }

    [Fact]
    public void Credit_seniority_deciles_match_the_reference()
    {
        (double[] seniority, bool[] bad) = ReferenceData.CreditVersusBad("Seniority");

        // credit_seniority_iv = 0.5077578928769583 over the np.quantile decile edges.
        Assert.Equal(0.5077578928769583, InformationValue.ForNumeric(seniority, bad).Value, 1e-9);
    }

    [Fact]
    public void Credit_home_categories_match_the_reference()
    {
        var rows = SpecFixtures.CreditData.Rows
            .Where(r => r[SpecFixtures.CreditData.IndexOf("Home")] is not null)
            .Select(r => (Home: r[SpecFixtures.CreditData.IndexOf("Home")]!, Bad: r[0] == "bad"))
            .ToArray();

        InformationValueResult result = InformationValue.ForCategories(rows.Select(r => r.Home).ToArray(), rows.Select(r => r.Bad).ToArray());

        // credit_home_categories and credit_home_iv = 0.246366063620431.
        Assert.Equal(["ignore", "other", "owner", "parents", "priv", "rent"], result.Bins.Select(b => b.Label));
        Assert.Equal(0.246366063620431, result.Value, 1e-9);
    }

    [Fact]
    public void An_uninformative_predictor_has_zero_iv()
    {
        InformationValueResult result = InformationValue.ForCategories(["a", "a", "b", "b"], [true, false, true, false]);

        Assert.Equal(0.0, result.Value, 1e-15);
        Assert.All(result.Bins, b => Assert.Equal(0.0, b.WoE, 1e-15));
    }
}
