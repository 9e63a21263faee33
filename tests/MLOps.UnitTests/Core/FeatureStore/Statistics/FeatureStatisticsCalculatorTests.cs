using MLOps.Core.FeatureStore;
using MLOps.Core.Requirements;

namespace MLOps.UnitTests.Core.FeatureStore.Statistics;

/// <summary>
/// Expected constants: <c>/usr/bin/python3 tests/reference/feature_statistics_reference.py</c> (Debian
/// python3-numpy 1.24.2, python3-scipy 1.10.1, python3-sklearn 1.2.1), on the data of <see cref="SyntheticFeatureSet"/>.
/// </summary>
public sealed class FeatureStatisticsCalculatorTests
{
    private static readonly FeatureSetVersion Current = Versions.Of("demo", 2, SyntheticFeatureSet.Features);
    private static readonly FeatureSetVersion Previous = Versions.Of("demo", 1, SyntheticFeatureSet.Features);

    [Fact]
    public async Task Classification_statistics_match_the_python_reference()
    {
        FeatureStatistics stats = await new FeatureStatisticsCalculator().ComputeAsync(
            Current, SyntheticFeatureSet.Frames(0), ModelTask.BinaryClassification, "bad", Previous, SyntheticFeatureSet.Frames(7));

        // name: (auc, separation, iv, psi vs shift 7, missing share) from the reference script.
        var expected = new Dictionary<string, (double Auc, double Separation, double Iv, double Psi, double Missing)>
        {
            ["signal"] = (0.799043062200957, 0.799043062200957, 1.3744324985463972, 0.36552440656777874, 0.0),
            ["noise"] = (0.41327751196172247, 0.5867224880382775, 1.4365681506473094, 0.01257647437138226, 0.0),
            ["flag"] = (0.5657894736842105, 0.5657894736842105, 0.07065352630168932, 0.0046317153364620585, 0.0),
            ["gappy"] = (0.5891840607210627, 0.5891840607210627, 0.5788673288742481, 0.07754002627740061, 0.2),
        };
        foreach (FeatureStatistic s in stats.Features)
        {
            var e = expected[s.Name];
            Assert.Equal(e.Auc, s.Auc!.Value, 1e-12);
            Assert.Equal(e.Separation, s.Separation!.Value, 1e-12);
            Assert.Equal(e.Separation, s.Importance!.Value, 1e-12);
            Assert.Equal(e.Iv, s.InformationValue!.Value, 1e-12);
            Assert.Equal(e.Psi, s.Psi!.Value, 1e-12);
            Assert.Equal(e.Missing, s.MissingShare, 1e-15);
            Assert.Null(s.Correlation);
        }

        Assert.Equal(48, stats.Features.Single(f => f.Name == "gappy").Observations);
        Assert.Equal(60, stats.Rows);
        Assert.Equal(1, stats.PreviousVersion);
    }

    [Fact]
    public async Task Classification_ranks_by_separation()
    {
        FeatureStatistics stats = await new FeatureStatisticsCalculator().ComputeAsync(
            Current, SyntheticFeatureSet.Frames(0), ModelTask.BinaryClassification, "bad");

        // Separations 0.799 > 0.5892 (gappy) > 0.5867 (noise) > 0.5658 (flag).
        Assert.Equal(["signal", "gappy", "noise", "flag"], stats.Features.Select(f => f.Name));
        Assert.Equal([1, 2, 3, 4], stats.Features.Select(f => f.Rank));
        Assert.All(stats.Features, f => Assert.Null(f.Psi));
        Assert.Equal(["signal", "gappy"], stats.Select(top: 2));
        Assert.Equal(["signal", "gappy", "noise"], stats.Select(minInformationValue: 0.5));
        Assert.Equal(["signal"], stats.Select(top: 1, minInformationValue: 1.3));
    }

    [Fact]
    public async Task Regression_uses_absolute_pearson_correlation()
    {
        FeatureStatistics stats = await new FeatureStatisticsCalculator().ComputeAsync(
            Current, SyntheticFeatureSet.Frames(0, regression: true), ModelTask.Regression);

        // |r| from scipy.stats.pearsonr over the rows where the feature is present.
        Assert.Equal(["signal", "noise", "gappy", "flag"], stats.Features.Select(f => f.Name));
        double[] expected = [0.734371679313719, 0.19562590680780045, 0.08150517820270756, 0.03588077358877226];
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], stats.Features[i].Importance!.Value, 1e-12);
            Assert.Equal(expected[i], Math.Abs(stats.Features[i].Correlation!.Value), 1e-12);
            Assert.Null(stats.Features[i].Auc);
            Assert.Null(stats.Features[i].InformationValue);
        }
    }

    [Fact]
    public async Task Label_based_scores_leave_the_holdout_out_and_missing_share_counts_every_row()
    {
        FeatureSetVersion version = Versions.Of("p", 1, "x");
        FeatureFrame frame = new(
            ["a", "b", "c", "d", "e", "f"],
            null,
            ["good", "good", "bad", "bad", "good", "good"],
            [new FeatureColumn("x", [1, 2, 3, 4, 5, double.NaN])],
            [false, false, false, false, true, true]);

        FeatureStatistic x = Assert.Single((await new FeatureStatisticsCalculator().ComputeAsync(version, One(frame), ModelTask.BinaryClassification, "bad")).Features);

        // Training rows only: bad 3, 4 above good 1, 2 → AUC 1 (with the holdout's good 5 it would be 0.75).
        Assert.Equal((1.0, 4L), (x.Auc!.Value, x.Observations));
        Assert.Equal(1 / 6.0, x.MissingShare, 12);
    }

    [Fact]
    public async Task Undefined_importance_ranks_last_and_missing_labels_are_dropped()
    {
        FeatureSetVersion version = Versions.Of("p", 1, "constant", "allmissing", "useful");
        FeatureFrame frame = new(
            ["a", "b", "c", "d", "e"],
            null,
            ["bad", "good", null, "bad", "good"],
            [
                new FeatureColumn("constant", [1, 1, 1, 1, 1]),
                new FeatureColumn("allmissing", [double.NaN, double.NaN, double.NaN, double.NaN, double.NaN]),
                new FeatureColumn("useful", [9, 1, 100, 8, 2]),
            ]);

        FeatureStatistics stats = await new FeatureStatisticsCalculator().ComputeAsync(
            version, One(frame), ModelTask.BinaryClassification, "bad");

        Assert.Equal(["useful", "constant", "allmissing"], stats.Features.Select(f => f.Name));
        FeatureStatistic useful = stats.Features[0];
        Assert.Equal((1.0, 4L), (useful.Auc!.Value, useful.Observations));
        Assert.Equal(0.5, stats.Features[1].Auc!.Value);
        FeatureStatistic missing = stats.Features[2];
        Assert.Equal((1.0, 0L, 3), (missing.MissingShare, missing.Observations, missing.Rank));
        Assert.Null(missing.Importance);
        Assert.Null(missing.InformationValue);
    }

    [Fact]
    public async Task Multiclass_without_a_positive_class_averages_one_versus_rest()
    {
        FeatureSetVersion version = Versions.Of("p", 1, "x");
        FeatureFrame frame = new(["1", "2", "3", "4", "5", "6"], null, ["a", "a", "b", "b", "c", "c"], [new FeatureColumn("x", [1, 2, 3, 4, 5, 6])]);

        FeatureStatistics stats = await new FeatureStatisticsCalculator().ComputeAsync(version, One(frame), ModelTask.MulticlassClassification);

        // One-vs-rest AUCs: a 0 (separation 1), b 0.5, c 1: mean separation (1 + 0.5 + 1) / 3.
        Assert.Equal(2.5 / 3, stats.Features[0].Separation!.Value, 1e-12);
        Assert.Null(stats.Features[0].Auc);
    }

    [Fact]
    public async Task Bad_input_is_refused_with_the_reason()
    {
        var calculator = new FeatureStatisticsCalculator();
        FeatureSetVersion version = Versions.Of("p", 1, "x");
        FeatureFrame text = new(["1", "2"], null, ["yes", "no"], [new FeatureColumn("x", [1, 2])]);
        FeatureFrame unlabeled = new(["1", "2"], null, null, [new FeatureColumn("x", [1, 2])]);

        await Assert.ThrowsAsync<ArgumentException>(() => calculator.ComputeAsync(version, One(text), ModelTask.BinaryClassification));
        InvalidDataException notNumber = await Assert.ThrowsAsync<InvalidDataException>(() => calculator.ComputeAsync(version, One(text), ModelTask.Regression));
        Assert.Contains("'yes'", notNumber.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<InvalidDataException>(() => calculator.ComputeAsync(version, One(unlabeled), ModelTask.BinaryClassification, "yes"));
        await Assert.ThrowsAsync<InvalidDataException>(() => calculator.ComputeAsync(Versions.Of("p", 1, "y"), One(text), ModelTask.BinaryClassification, "yes"));
        Assert.Throws<ArgumentOutOfRangeException>(() => new FeatureStatisticsCalculator(1));
    }

    private static async IAsyncEnumerable<FeatureFrame> One(FeatureFrame frame)
    {
        await Task.Yield();
        yield return frame;
    }
}
