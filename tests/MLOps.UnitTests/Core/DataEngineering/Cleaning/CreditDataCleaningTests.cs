using System.Security.Cryptography;
using MLOps.Core.DataEngineering;
using MLOps.Core.DataEngineering.Cleaning;
using MLOps.Core.DataEngineering.Csv;
using MLOps.Core.DataEngineering.Profiling;
using MLOps.Core.FeatureStore.Engineering;
using MLOps.Core.Requirements;
using MLOps.UnitTests.Core.Requirements;

namespace MLOps.UnitTests.Core.DataEngineering.Cleaning;

/// <summary>
/// Cleaning shared/data/credit_data.csv. Reference numbers, computed independently:
///   missing: Home 6, Marital 1, Job 2, Income 381, Assets 47, Debt 18 (see CreditDataProfileTests)
///   /usr/bin/python3 -c "import csv, collections; r=[tuple(x) for x in csv.reader(open('credit_data.csv',newline=''))][1:];
///     c=collections.Counter(r); print(sum(v-1 for v in c.values()))"   -> 2 exact duplicate rows (lines 1024, 2931,
///     i.e. records 1023 and 2930), neither with a missing value
///   medians (numpy.quantile .5): Income 125, Assets 3000, Debt 0; modes: Home owner, Marital married, Job fixed
/// </summary>
public class CreditDataCleaningTests
{
    private static readonly DataRules Rules = SpecFixtures.CreditSpec.DataRules;

    private static async Task<(byte[] Csv, CleaningReport Report)> Clean(int batchSize, DataRules rules)
    {
        DatasetProfile profile = await DataFiles.ProfileAsync(DataFiles.CreditData);
        using var output = new MemoryStream();
        CleaningReport report;
        await using (var writer = new CsvRecordWriter(output, "\n", leaveOpen: true))
        {
            await writer.WriteRecordAsync(profile.Columns.Select(c => c.Name).ToArray());
            CleaningPlan plan = DataContract.CleaningPlan(rules, "Status");
            report = await new DataCleaner(plan).CleanAsync(
                profile.Columns.Select(c => c.Name).ToArray(),
                await FitOnAllRowsAsync(plan, profile.Columns.Select(c => c.Name).ToArray()),
                DataFiles.Batches(DataFiles.CreditData, batchSize),
                (batch, ct) => writer.WriteBatchAsync(batch, ct));
        }

        return (output.ToArray(), report);
    }

    /// <summary>The fills as the feature store fits them, here with every row a training row (no holdout).</summary>
    private static async Task<IReadOnlyDictionary<string, string>> FitOnAllRowsAsync(CleaningPlan plan, string[] columns)
    {
        var training = new TrainingStatistics(columns, [], plan.Imputations);
        await foreach (CsvBatch batch in DataFiles.Batches(DataFiles.CreditData))
        {
            foreach (CsvRecord record in batch.Records)
            {
                training.Add(record.Fields);
            }
        }

        return FeatureEngineer.FitImputations(plan.Imputations, training).ToDictionary(f => f.Column, f => f.Fill, StringComparer.Ordinal);
    }

    [Fact]
    public async Task Under_the_credit_spec_imputed_counts_equal_the_missing_counts_and_duplicates_are_kept_but_counted()
    {
        (_, CleaningReport report) = await Clean(1000, Rules);

        Assert.Equal((4454L, 4454L, 2L, 0L, 0L), (report.RowsRead, report.RowsWritten, report.DuplicateRowsFound, report.DuplicateRowsDropped, report.InvalidRowsDropped));
        Assert.Equal(
            new Dictionary<string, long> { ["Home"] = 6, ["Marital"] = 1, ["Job"] = 2, ["Income"] = 381, ["Assets"] = 47, ["Debt"] = 18 },
            report.Columns.Where(c => c.Imputed > 0).ToDictionary(c => c.Column, c => c.Imputed));
        Assert.Equal(
            new Dictionary<string, string?>
            {
                ["Income"] = "125", ["Assets"] = "3000", ["Debt"] = "0", ["Home"] = "owner", ["Marital"] = "married", ["Job"] = "fixed",
            },
            report.Columns.Where(c => c.FillValue is not null).ToDictionary(c => c.Column, c => c.FillValue));

        // Present = rows - missing: nothing present was nulled out, clipped or rewritten.
        Assert.Equal(4454 - 381, report.Find("Income")!.Present);
        Assert.All(report.Columns, c => Assert.Equal(0, c.Changed));
        Assert.True(CleaningGuard.Review(SpecFixtures.CreditSpec, report) is { Passed: true, Findings.Count: 0 });
    }

    [Fact]
    public async Task A_spec_that_opts_in_drops_the_two_duplicates_and_the_file_is_byte_identical_whatever_the_batching()
    {
        DataRules dropping = Rules with { DropDuplicateRows = true };
        (byte[] first, CleaningReport report) = await Clean(1000, dropping);
        (byte[] second, _) = await Clean(37, dropping);

        Assert.Equal((4454L, 4452L, 2L, 2L), (report.RowsRead, report.RowsWritten, report.DuplicateRowsFound, report.DuplicateRowsDropped));
        Assert.Equal([1023L, 2930L], report.Steps.Single(s => s.Rule == "rows.duplicate").Samples.Select(s => s.Record));
        Assert.Equal(Convert.ToHexString(SHA256.HashData(first)), Convert.ToHexString(SHA256.HashData(second)));
        await using var reader = new CsvRecordReader(new MemoryStream(first));
        DatasetProfile cleaned = await ColumnProfiler.ProfileAsync(reader);
        Assert.Equal(4452, cleaned.Rows);
        Assert.All(cleaned.Columns, c => Assert.Equal(0, c.Missing));
    }
}
