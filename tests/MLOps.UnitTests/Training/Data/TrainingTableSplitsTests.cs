using MLOps.Core.Requirements;
using MLOps.Training.Data;

namespace MLOps.UnitTests.Training.Data;

public class TrainingTableSplitsTests
{
    [Fact]
    public async Task Credit_feature_set_loads_with_the_positive_class_as_true()
    {
        TrainingTable table = await CreditTables.LoadAsync();

        Assert.Equal(4454, table.Rows);
        Assert.Equal(1254, table.BinaryLabels!.Count(b => b));
        Assert.Contains(table.Features, row => row.Any(float.IsNaN));
        Assert.Equal(["good", "bad"], table.ClassNames);
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
    public void Key_holdout_takes_multiples_of_the_modulus()
    {
        TrainTestSplit split = Synthetic(20, positiveEvery: 2).HoldoutByKey(5);

        Assert.Equal(["5", "10", "15", "20"], split.Test.Keys);
    }

    internal static TrainingTable Synthetic(int rows, int positiveEvery) => TrainingTable.Create(
        ModelTask.BinaryClassification,
        ["x"],
        Enumerable.Range(1, rows).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray(),
        Enumerable.Range(1, rows).Select(i => new[] { (float)i }).ToArray(),
        binaryLabels: Enumerable.Range(1, rows).Select(i => i % positiveEvery == 0).ToArray());
}
