using MLOps.Core.Requirements;
using MLOps.Training.Data;

namespace MLOps.UnitTests.Training.Data;

public class TrainingTableSplitsTests
{
    [Fact]
    public async Task Credit_feature_set_loads_with_the_positive_class_as_true_and_the_recorded_split()
    {
        TrainingTable table = await CreditTables.LoadAsync();

        // 4,454 records, the 2 exact duplicates kept as the spec says: 1,254 bad, 251 of them held out (credit_split_reference.py).
        Assert.Equal(4454, table.Rows);
        Assert.Equal(1254, table.BinaryLabels!.Count(b => b));
        Assert.Equal(["good", "bad"], table.ClassNames);
        TrainTestSplit split = table.RecordedHoldout();
        Assert.Equal((3563, 891), (split.Train.Rows, split.Test.Rows));
        Assert.Equal(251, split.Test.BinaryLabels!.Count(b => b));
        Assert.Equal(["1", "13", "20", "21", "29", "36", "39", "41"], split.Test.Keys.Take(8));
    }

    [Fact]
    public void Holdout_is_stratified_seeded_and_disjoint()
    {
        TrainingTable table = Synthetic(1000, positiveEvery: 4);

        TrainTestSplit a = table.Holdout(seed: 7, fraction: 0.2);
        TrainTestSplit b = table.Holdout(seed: 7, fraction: 0.2);
        TrainTestSplit c = table.Holdout(seed: 8, fraction: 0.2);

        Assert.Equal(200, a.Test.Rows);
        Assert.Equal(50, a.Test.BinaryLabels!.Count(y => y));
        Assert.Equal(a.Test.Keys, b.Test.Keys);
        Assert.NotEqual(a.Test.Keys, c.Test.Keys);
        Assert.Empty(a.Train.Keys.Intersect(a.Test.Keys));
        Assert.Equal(1000, a.Train.Rows + a.Test.Rows);
    }

    [Fact]
    public void KFold_covers_every_row_once_with_balanced_stratified_folds()
    {
        TrainingTable table = Synthetic(103, positiveEvery: 3);

        IReadOnlyList<TrainTestSplit> folds = table.KFold(5, seed: 1);

        Assert.Equal(5, folds.Count);
        Assert.Equal(Enumerable.Range(0, 5), folds.Select(f => f.Fold));
        Assert.Equal(table.Keys.Order(StringComparer.Ordinal), folds.SelectMany(f => f.Test.Keys).Order(StringComparer.Ordinal));
        Assert.All(folds, f => Assert.InRange(f.Test.Rows, 20, 21));
        Assert.All(folds, f => Assert.InRange(f.Test.BinaryLabels!.Count(y => y), 6, 7));
        Assert.All(folds, f => Assert.Equal(103, f.Train.Rows + f.Test.Rows));
    }

    [Fact]
    public void The_recorded_holdout_splits_by_the_flags_and_refuses_a_table_without_them()
    {
        TrainingTable plain = Synthetic(6, positiveEvery: 2);
        TrainingTable flagged = TrainingTable.Create(
            ModelTask.BinaryClassification, plain.FeatureNames, plain.Keys, plain.Features, plain.BinaryLabels, holdout: [false, true, false, false, true, false]);

        TrainTestSplit split = flagged.RecordedHoldout();

        Assert.Equal(["2", "5"], split.Test.Keys);
        Assert.Equal(["1", "3", "4", "6"], split.Train.Keys);
        Assert.All(split.Train.Holdout!, h => Assert.False(h));
        Assert.Throws<InvalidDataException>(() => plain.RecordedHoldout());
        Assert.Throws<InvalidDataException>(() => TrainingTable.Create(
            ModelTask.BinaryClassification, plain.FeatureNames, plain.Keys, plain.Features, plain.BinaryLabels, holdout: new bool[6]).RecordedHoldout());
    }

    internal static TrainingTable Synthetic(int rows, int positiveEvery) => TrainingTable.Create(
        ModelTask.BinaryClassification,
        ["x"],
        Enumerable.Range(1, rows).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray(),
        Enumerable.Range(1, rows).Select(i => new[] { (float)i }).ToArray(),
        binaryLabels: Enumerable.Range(1, rows).Select(i => i % positiveEvery == 0).ToArray());
}
