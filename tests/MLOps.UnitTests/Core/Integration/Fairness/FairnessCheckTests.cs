using MLOps.Core.Integration;
using MLOps.Core.Integration.Fairness;
using MLOps.Core.Requirements;

namespace MLOps.UnitTests.Core.Integration.Fairness;

/// <summary>Expected figures come from tests/reference/fairness_reference.py (fairlearn's definitions in pandas).</summary>
public sealed class FairnessCheckTests
{
    /// <summary>fairlearn's user-guide example (common_fairness_metrics.rst); its doctest prints demographic_parity_difference 0.25.</summary>
    private static readonly bool[] UserGuideLabels = [.. new[] { 0, 1, 1, 1, 1, 0, 1, 0, 1, 0, 0, 0, 1, 1, 1, 1, 1, 1 }.Select(v => v == 1)];

    private static readonly double[] UserGuidePredictions = [0, 0, 1, 0, 1, 1, 1, 0, 0, 1, 1, 1, 1, 0, 0, 1, 1, 0];

    private static readonly string[] UserGuideGroups = ["b", "b", "a", "b", "b", "c", "c", "c", "a", "a", "c", "a", "b", "c", "c", "b", "c", "c"];

    [Fact]
    public void The_user_guide_example_gives_fairlearns_figures()
    {
        IReadOnlyList<CheckResult> results = FairnessCheck.Check("sf", UserGuideGroups, UserGuideLabels, UserGuidePredictions, 0.5, 0.1, minGroupRows: 1);

        CheckResult parity = results[0], opportunity = results[1];
        Assert.Equal(CheckNames.DemographicParity("sf"), parity.Check);
        Assert.Equal(0.25, parity.Figure, 1e-12);
        Assert.False(parity.Passed);
        Assert.Equal(CheckNames.EqualOpportunity("sf"), opportunity.Check);
        Assert.Equal(0.19999999999999996, opportunity.Figure, 1e-12);
        Assert.False(opportunity.Passed);
        Assert.Equal([0.75, 0.5, 0.5], parity.Groups.Select(g => g.Value));
        Assert.Equal([0.5, 0.6, 0.4], opportunity.Groups.Select(g => g.Value));
        Assert.Equal("selection rate at threshold 0.5: highest 0.75 in 'a', lowest 0.5 in 'b'; 3 of 3 groups judged.", parity.Detail);
    }

    [Fact]
    public void Small_groups_are_reported_but_not_judged()
    {
        (string[] groups, bool[] labels, double[] scores) = Formula();

        IReadOnlyList<CheckResult> results = FairnessCheck.Check("grp", groups, labels, scores, 0.55, 0.1, minGroupRows: 30);

        CheckResult parity = results[0], opportunity = results[1];
        Assert.Equal(0.04375000000000001, parity.Figure, 1e-12);
        Assert.True(parity.Passed, parity.Detail);
        Assert.Equal(0.021428571428571463, opportunity.Figure, 1e-12);
        GroupFigure d = Assert.Single(parity.Groups, g => g.Group == "d");
        Assert.Equal((false, 20L, 0.55), (d.Judged, d.Count, d.Value));
        Assert.Equal("20 rows, fewer than 30: reported, not judged", d.Note);
        GroupFigure c = Assert.Single(opportunity.Groups, g => g.Group == "c");
        Assert.Equal((false, 16L, 0.5), (c.Judged, c.Count, c.Value));
        Assert.Equal(["a", "b"], opportunity.Groups.Where(g => g.Judged).Select(g => g.Group));

        // The same figures against a tighter bound fail.
        Assert.False(FairnessCheck.Check("grp", groups, labels, scores, 0.55, 0.04, minGroupRows: 30)[0].Passed);
    }

    [Fact]
    public void Fewer_than_two_judged_groups_is_not_judged()
    {
        IReadOnlyList<CheckResult> results = FairnessCheck.Check("sf", UserGuideGroups, UserGuideLabels, UserGuidePredictions, 0.5, 0.1, minGroupRows: 7);

        Assert.Equal((true, false), (results[0].Passed, results[0].Judged));
        Assert.Equal("Only 1 group(s) are large enough (7 or more) to compare; 3 group(s) reported.", results[0].Detail);
        Assert.Equal(double.NaN, results[0].Figure);
    }

    [Fact]
    public void Every_declared_attribute_is_checked_with_its_own_bound_and_rows_are_grouped_by_entity_key()
    {
        string[] keys = [.. Enumerable.Range(0, UserGuideGroups.Length).Select(i => $"k{i}")];
        var groups = new Dictionary<string, IReadOnlyDictionary<string, string>>
        {
            ["Marital"] = keys.Select((k, i) => (k, UserGuideGroups[i])).ToDictionary(x => x.k, x => x.Item2),
            ["Age"] = keys.Take(10).ToDictionary(k => k, _ => "≤ 25"),
        };
        SensitiveAttribute[] attributes = [new() { Column = "Marital", MaxDifference = 0.3 }, new() { Column = "Age" }];
        var options = new IntegrationCheckOptions { FairnessMinGroupRows = 1 };

        IReadOnlyList<CheckResult> results = FairnessCheck.CheckAll(attributes, keys, UserGuideLabels, UserGuidePredictions, 0.5, groups, options);

        Assert.Equal(
            ["fairness/demographic-parity/Marital", "fairness/equal-opportunity/Marital", "fairness/demographic-parity/Age", "fairness/equal-opportunity/Age"],
            results.Select(r => r.Check));
        Assert.Equal((0.3, true), (results[0].Bound, results[0].Passed));
        Assert.Equal(0.1, results[2].Bound);
        Assert.Equal(["(unknown)", "≤ 25"], results[2].Groups.Select(g => g.Group));
    }

    [Fact]
    public void The_counts_follow_the_threshold_and_a_rate_without_rows_is_absent()
    {
        GroupRates rates = GroupRates.Of("g", [(true, 0.7), (true, 0.3), (false, 0.7), (false, 0.69)], 0.7);
        GroupRates negativesOnly = GroupRates.Of("n", [(false, 0.9)], 0.5);

        Assert.Equal((4, 2, 2, 1, 1), (rates.Rows, rates.Selected, rates.Positives, rates.TruePositives, rates.FalsePositives));
        Assert.Equal((0.5, 0.5, 0.5), (rates.SelectionRate, rates.TruePositiveRate, rates.FalsePositiveRate));
        Assert.Null(negativesOnly.TruePositiveRate);
        Assert.Equal(1.0, negativesOnly.FalsePositiveRate);
    }

    /// <summary>The 400 rows of the reference script: groups a 180, b 160, c 40, d 20.</summary>
    private static (string[] Groups, bool[] Labels, double[] Scores) Formula()
    {
        int[] rows = [.. Enumerable.Range(0, 400)];
        string[] groups = [.. rows.Select(i => (i % 20) switch { < 9 => "a", < 17 => "b", < 19 => "c", _ => "d" })];
        bool[] labels = [.. rows.Select(i => i * 7 % 13 < 5)];
        double[] scores = [.. rows.Select(i => i * 37 % 101 / 100.0)];
        return (groups, labels, scores);
    }
}
