namespace MLOps.Training.Data;

/// <summary>
/// Deterministic, seeded splits. Classification splits are stratified so that every fold sees the class balance of the
/// whole set; rows keep their original order inside each part so the result does not depend on hash-set iteration.
/// </summary>
public static class TrainingTableSplits
{
    public static TrainTestSplit Holdout(this TrainingTable table, int seed, double fraction)
    {
        if (fraction is <= 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(fraction), fraction, "The holdout fraction must lie strictly between 0 and 1.");
        }

        var test = new HashSet<int>();
        foreach (int[] stratum in ShuffledStrata(table, seed))
        {
            int take = (int)Math.Round(stratum.Length * fraction, MidpointRounding.AwayFromZero);
            test.UnionWith(stratum.Take(take));
        }

        return Split(table, test.Contains, 0);
    }

    /// <summary>
    /// The holdout split recorded in the feature set (<see cref="TrainingTable.Holdout"/>), decided when the data was
    /// engineered by a rule an outside tool can rebuild from the raw file; the features were fitted on the other part.
    /// </summary>
    public static TrainTestSplit RecordedHoldout(this TrainingTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        bool[] holdout = table.Holdout
            ?? throw new InvalidDataException("The feature set records no holdout split; land the data again to build a version that does.");
        if (!holdout.Contains(true) || !holdout.Contains(false))
        {
            throw new InvalidDataException(
                $"The feature set's recorded split has {holdout.Count(h => h)} holdout and {holdout.Count(h => !h)} training rows; both parts need rows.");
        }

        return Split(table, r => holdout[r], 0);
    }

    public static IReadOnlyList<TrainTestSplit> KFold(this TrainingTable table, int k, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 2);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(k, table.Rows);
        var fold = new int[table.Rows];
        int next = 0;
        foreach (int[] stratum in ShuffledStrata(table, seed))
        {
            // Dealing round-robin, and carrying the position across strata, keeps fold sizes within one row of each other.
            foreach (int row in stratum)
            {
                fold[row] = next++ % k;
            }
        }

        return Enumerable.Range(0, k).Select(f => Split(table, r => fold[r] == f, f)).ToArray();
    }

    private static int[][] ShuffledStrata(TrainingTable table, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, table.Rows)
            .GroupBy(table.Stratum)
            .OrderBy(g => g.Key)
            .Select(g =>
            {
                int[] rows = g.ToArray();
                random.Shuffle(rows);
                return rows;
            })
            .ToArray();
    }

    private static TrainTestSplit Split(TrainingTable table, Func<int, bool> isTest, int fold)
    {
        int[] all = Enumerable.Range(0, table.Rows).ToArray();
        return new TrainTestSplit(table.Subset(all.Where(r => !isTest(r)).ToArray()), table.Subset(all.Where(isTest).ToArray()), fold);
    }
}
