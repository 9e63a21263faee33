using MLOps.Core.FeatureStore.Holdout;
using MLOps.Core.Requirements;

namespace MLOps.UnitTests.Core.FeatureStore.Holdout;

/// <summary>
/// The split rules against hand-checkable expectations. First 16 hex digits of SHA-256("42:{key}"), from Python's
/// hashlib (tests/reference/holdout_split.py): a 971344798d4f4ac7, b c5a36c75553dcdc6, c 6e1a16ae98990f66,
/// d d796a3d784855a1c, e e7ae770a69ece2a1, f 46f5d24eb0e770e4, g f9898bb362a6ba5f, h d24fbad488b860e8,
/// i 747dd49ec4dea799, j 4d3cd5e667cadebb.
/// </summary>
public class HoldoutSplitterTests
{
    private static readonly string[] Keys = ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j"];

    private static string[] Held(HoldoutSpec rule, string?[] labels, DateTimeOffset[]? times = null, string[]? keys = null)
    {
        keys ??= Keys;
        var splitter = new HoldoutSplitter(rule);
        for (int i = 0; i < keys.Length; i++)
        {
            splitter.Add(keys[i], labels[i], times?[i]);
        }

        bool[] holdout = splitter.Decide().Holdout;
        return [.. keys.Where((_, i) => holdout[i])];
    }

    [Fact]
    public void Random_holds_out_the_rows_with_the_smallest_seeded_hashes()
    {
        string?[] labels = [.. Keys.Select(_ => "x")];

        // n = 10, fraction 0.3: the 3 smallest digests are f (46f5…), j (4d3c…) and c (6e1a…).
        Assert.Equal(["c", "f", "j"], Held(new HoldoutSpec { Strategy = HoldoutStrategy.Random, Fraction = 0.3, Seed = 42 }, labels));

        // Another seed, another order (Python: c, e, j for seed 7).
        Assert.Equal(["c", "e", "j"], Held(new HoldoutSpec { Strategy = HoldoutStrategy.Random, Fraction = 0.3, Seed = 7 }, labels));
        Assert.Equal("46f5d24eb0e770e4", (HoldoutSplitter.Hash(42, "f") >> 64).ToString("x16", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Stratified_applies_the_random_rule_within_each_class_and_leaves_unlabelled_rows_out()
    {
        // p: a, d, g → round(1.5) = 2 (half to even): a (9713…), d (d796…). n: b, c, e, f, h, i → 3: f, c, i. j has no label.
        string?[] labels = ["p", "n", "n", "p", "n", "n", "p", "n", "n", null];
        var splitter = new HoldoutSplitter(new HoldoutSpec { Strategy = HoldoutStrategy.Stratified, Fraction = 0.5, Seed = 42 });
        for (int i = 0; i < Keys.Length; i++)
        {
            splitter.Add(Keys[i], labels[i], null);
        }

        (bool[] holdout, HoldoutSplit split) = splitter.Decide();

        Assert.Equal(["a", "c", "d", "f", "i"], Keys.Where((_, i) => holdout[i]));
        Assert.Equal(new HoldoutSplit(HoldoutStrategy.Stratified, 0.5, 42, LabelledRows: 9, HoldoutRows: 5), split);
        Assert.Equal(4, split.TrainingRows);
        Assert.False(splitter.IsLabelled(9));
    }

    [Theory]
    [InlineData(5, 0.5, 2)] // 2.5 → 2
    [InlineData(7, 0.5, 4)] // 3.5 → 4
    [InlineData(4, 0.1, 0)] // 0.4 → 0
    [InlineData(12, 0.2, 2)] // 2.4000000000000004 → 2
    public void The_holdout_size_is_rounded_half_to_even(int rows, double fraction, int expected)
    {
        string[] keys = [.. Enumerable.Range(1, rows).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture))];

        string[] held = Held(new HoldoutSpec { Strategy = HoldoutStrategy.Random, Fraction = fraction }, [.. keys.Select(_ => "y")], keys: keys);

        Assert.Equal(expected, held.Length);
    }

    [Fact]
    public void Time_ordered_holds_out_the_latest_labelled_rows_by_time_then_key_then_file_order()
    {
        DateTimeOffset Day(int d) => new(2024, 1, d, 0, 0, 0, TimeSpan.Zero);
        string[] keys = ["b", "a", "c", "d", "e", "a"];
        DateTimeOffset[] times = [Day(3), Day(3), Day(1), Day(5), Day(2), Day(3)];
        string?[] labels = ["y", "y", "n", null, "n", "y"];
        var splitter = new HoldoutSplitter(new HoldoutSpec { Strategy = HoldoutStrategy.TimeOrdered, Fraction = 0.4 });
        for (int i = 0; i < keys.Length; i++)
        {
            splitter.Add(keys[i], labels[i], times[i]);
        }

        // Labelled, ascending: c (1st), e (2nd), a (3rd, row 1), a (3rd, row 5), b (3rd); round(5 × 0.4) = 2 latest: rows 5 and 0.
        // Row 3 is the latest of all but has no label, so it is in neither part.
        Assert.Equal([true, false, false, false, false, true], splitter.Decide().Holdout);
        Assert.Throws<ArgumentException>(() => splitter.Add("z", "y", null));
    }

    [Fact]
    public void The_rule_resolves_to_the_default_for_the_task_and_data()
    {
        ProjectSpec credit = MLOps.UnitTests.Training.CreditTables.Spec;

        Assert.Equal(new HoldoutSpec { Strategy = HoldoutStrategy.Stratified, Fraction = 0.2, Seed = 42 }, HoldoutSpec.Resolve(credit));
        Assert.Equal(HoldoutStrategy.Random, HoldoutSpec.Resolve(credit with { Task = ModelTask.Regression }).Strategy);
        Assert.Equal(HoldoutStrategy.TimeOrdered, HoldoutSpec.Resolve(credit with { EventTime = "ts" }).Strategy);
        Assert.Equal(
            new HoldoutSpec { Strategy = HoldoutStrategy.Random, Fraction = 0.25, Seed = 3 },
            HoldoutSpec.Resolve(credit with { Holdout = new HoldoutSpec { Strategy = HoldoutStrategy.Random, Fraction = 0.25, Seed = 3 } }));
        Assert.Throws<ArgumentException>(() => new HoldoutSplitter(new HoldoutSpec()));
        Assert.Throws<ArgumentOutOfRangeException>(() => new HoldoutSplitter(new HoldoutSpec { Strategy = HoldoutStrategy.Random, Fraction = 1 }));
    }
}
