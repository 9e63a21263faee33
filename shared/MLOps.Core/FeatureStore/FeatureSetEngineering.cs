using System.Runtime.CompilerServices;
using MLOps.Core.DataEngineering;
using MLOps.Core.DataEngineering.Cleaning;
using MLOps.Core.DataEngineering.Csv;
using MLOps.Core.FeatureStore.Engineering;
using MLOps.Core.FeatureStore.Holdout;
using MLOps.Core.FeatureStore.Offline;
using MLOps.Core.Requirements;

namespace MLOps.Core.FeatureStore;

/// <summary>
/// Builds a feature-set file from a validated snapshot in three streaming passes, re-reading the snapshot each
/// time (cleaning is deterministic, so every pass sees the same cleaned rows in the same order):
/// <list type="number">
/// <item>clean (nothing imputed yet) and collect each row's key, label and event time → decide the holdout split;</item>
/// <item>clean again and gather statistics of the training rows only → fit the imputation fills, then the
/// transforms (mean/std, category lists) on the training values as they are after imputation;</item>
/// <item>clean with the fitted fills, encode, count losses (engineering guard) and write Parquet with the holdout column.</item>
/// </list>
/// Nothing fitted ever sees a holdout row. Memory: a few bytes per row for the split, plus the numbers of
/// median-imputed columns' training rows.
/// </summary>
public static class FeatureSetEngineering
{
    public static async Task<FeatureSetWrite> WriteAsync(
        ProjectSpec spec,
        IReadOnlyList<string> columns,
        Func<IAsyncEnumerable<CsvBatch>> readSnapshot,
        Stream output,
        int rowGroupSize = FeatureParquetWriter.DefaultRowGroupSize,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(readSnapshot);
        CleaningPlan plan = DataContract.CleaningPlan(spec.DataRules, spec.Target.Column);
        var unimputed = new DataCleaner(plan with { Imputations = [] });
        var noFills = new Dictionary<string, string>();
        FeatureSetSource source = FeatureSetSource.Of(spec);

        // Pass 1: the split.
        var splitter = new HoldoutSplitter(HoldoutSpec.Resolve(spec));
        var identity = new FeatureRowIdentity(columns, source);
        await foreach (CsvBatch batch in Clean(readSnapshot(), unimputed.Start(columns, noFills), cancellationToken))
        {
            foreach (CsvRecord record in batch.Records)
            {
                identity.Read(record, out string key, out DateTimeOffset? time, out string? label);
                splitter.Add(key, label, time);
            }
        }

        (bool[] holdout, HoldoutSplit split) = splitter.Decide();
        if (split.TrainingRows == 0)
        {
            throw new InvalidDataException(
                $"The {split.Strategy} holdout of {split.Fraction} leaves no labelled training rows ({split.LabelledRows} labelled rows in all) to fit the features on.");
        }

        // Pass 2: statistics of the training rows, then the fit.
        var training = new TrainingStatistics(columns, spec.Features, plan.Imputations);
        int row = 0;
        await foreach (CsvBatch batch in Clean(readSnapshot(), unimputed.Start(columns, noFills), cancellationToken))
        {
            foreach (CsvRecord record in batch.Records)
            {
                if (splitter.IsLabelled(row) && !holdout[row])
                {
                    training.Add(record.Fields);
                }

                row++;
            }
        }

        FittedFeatureSet fitted = FeatureEngineer.Fit(spec, plan.Imputations, training);

        // Pass 3: clean with the fitted fills, encode, write.
        CleaningRun cleaning = new DataCleaner(plan).Start(columns, fitted.Fills);
        FeatureSetWrite written = await FeatureSetBuilder.WriteAsync(
            output, Clean(readSnapshot(), cleaning, cancellationToken), fitted, source, rowGroupSize, holdout, spec.DataRules.ChangeGuard, cancellationToken);
        return written with { Split = split, Cleaning = cleaning.Report };
    }

    private static async IAsyncEnumerable<CsvBatch> Clean(
        IAsyncEnumerable<CsvBatch> batches, CleaningRun cleaning, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (CsvBatch batch in batches.WithCancellation(cancellationToken))
        {
            yield return cleaning.Clean(batch);
        }
    }
}
