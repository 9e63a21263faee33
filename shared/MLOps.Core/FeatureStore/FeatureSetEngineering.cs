using System.Runtime.CompilerServices;
using MLOps.Core.DataEngineering.Cleaning;
using MLOps.Core.DataEngineering.Csv;
using MLOps.Core.FeatureStore.Engineering;
using MLOps.Core.FeatureStore.Holdout;
using MLOps.Core.FeatureStore.Offline;
using MLOps.Core.Requirements;

namespace MLOps.Core.FeatureStore;

/// <summary>
/// Builds a feature-set file from a validated snapshot, reading the snapshot once and its cleaned rows twice more:
/// <list type="number">
/// <item>clean the snapshot (nothing imputed yet), stage the cleaned rows in a local temporary file and collect each
/// row's key, label and event time → let the caller judge the cleaning (<c>judgeCleaning</c>, the change guard) →
/// decide the holdout split (a row's membership depends on every row);</item>
/// <item>read the stage and gather statistics of the training rows only → fit the imputation fills, then the
/// transforms (mean/std, category lists) on the training values as they are after imputation;</item>
/// <item>read the stage, impute with the fitted fills, encode, count losses (engineering guard) and write Parquet
/// with the holdout column.</item>
/// </list>
/// Nothing fitted ever sees a holdout row. Memory: about 20 bytes per row for the split plus the numbers of
/// median-imputed columns' training rows; temporary disk: the cleaned rows (<see cref="CleanedRowStage"/>).
/// Cleaning once and staging was measured against streaming and cleaning the snapshot three times: about 12 s of
/// CPU instead of 18 s per million credit rows (one pass without a split: 8 s); see tests/MLOps.Benchmarks/README.md.
/// </summary>
public static class FeatureSetEngineering
{
    public static async Task<FeatureSetWrite> WriteAsync(
        ProjectSpec spec,
        IReadOnlyList<string> columns,
        IAsyncEnumerable<CsvBatch> snapshot,
        Stream output,
        Func<CleaningReport, CancellationToken, Task>? judgeCleaning = null,
        int rowGroupSize = FeatureParquetWriter.DefaultRowGroupSize,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(snapshot);
        FeatureRowPlan plan = FeatureRowPlan.For(spec.DataRules, spec.Target.Column);
        FeatureSetSource source = FeatureSetSource.Of(spec);
        await using var stage = new CleanedRowStage(columns);

        // Pass 1: clean (nothing imputed), stage, split.
        CleaningRun cleaning = new DataCleaner(plan.Cleaning).Start(columns, new Dictionary<string, string>());
        var splitter = new HoldoutSplitter(HoldoutSpec.Resolve(spec));
        var identity = new FeatureRowIdentity(columns, source);
        await foreach (CsvBatch raw in snapshot.WithCancellation(cancellationToken))
        {
            CsvBatch batch = cleaning.Clean(raw);
            foreach (CsvRecord record in batch.Records)
            {
                identity.Read(record, out string key, out DateTimeOffset? time, out string? label);
                splitter.Add(key, label, time);
            }

            await stage.AddAsync(batch, cancellationToken);
        }

        await stage.CompleteAsync();
        if (judgeCleaning is not null)
        {
            // Every count but imputation's is in: the change guard may stop the run before anything is fitted.
            await judgeCleaning(cleaning.Report, cancellationToken);
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
        await foreach (CsvBatch batch in stage.ReadAsync(cancellationToken))
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

        // Pass 3: impute with the fitted fills, encode, write.
        CleaningRun imputing = new DataCleaner(plan.Imputing).Start(columns, fitted.Fills);
        FeatureSetWrite written = await FeatureSetBuilder.WriteAsync(
            output, Impute(stage.ReadAsync(cancellationToken), imputing, cancellationToken), fitted, source, rowGroupSize, holdout, spec.DataRules, cancellationToken);
        return written with { Split = split, Cleaning = Merge(cleaning.Report, imputing.Report) };
    }

    /// <summary>
    /// The cleaning pass's report with the imputation pass's counts and fills, and the column's state after
    /// imputation (what is still missing, whether it is constant): the rows as they were written.
    /// </summary>
    private static CleaningReport Merge(CleaningReport cleaned, CleaningReport imputed) => cleaned with
    {
        Columns = [.. cleaned.Columns.Select(c => imputed.Find(c.Column) is { } i
            ? c with { Imputed = i.Imputed, FillValue = i.FillValue, MissingAfter = i.MissingAfter, Constant = i.Constant, ConstantValue = i.ConstantValue }
            : c)],
    };

    private static async IAsyncEnumerable<CsvBatch> Impute(
        IAsyncEnumerable<CsvBatch> batches, CleaningRun imputing, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (CsvBatch batch in batches.WithCancellation(cancellationToken))
        {
            yield return imputing.Clean(batch);
        }
    }
}
