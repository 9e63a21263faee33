using MLOps.Core.FeatureStore;
using MLOps.Core.FeatureStore.Engineering;
using MLOps.Core.FeatureStore.Offline;
using MLOps.Core.Requirements;
using MLOps.UnitTests.Core.DataEngineering;
using MLOps.UnitTests.Core.FeatureStore.Engineering;
using MLOps.UnitTests.Training;

namespace MLOps.UnitTests.Core.FeatureStore.Offline;

public class FeatureSetBuilderTests
{
    [Fact]
    public async Task Builds_the_credit_feature_set_with_record_numbers_as_keys_and_the_holdout_column_deterministically()
    {
        ProjectSpec spec = CreditTables.Spec;
        IReadOnlyList<string> columns = (await DataFiles.ReadAllAsync(DataFiles.Open(DataFiles.CreditData))).Columns;

        using var first = new MemoryStream();
        FeatureSetWrite written = await FeatureSetEngineering.WriteAsync(spec, columns, DataFiles.Batches(DataFiles.CreditData, 500), first, rowGroupSize: 1000);
        using var second = new MemoryStream();
        FeatureSetWrite again = await FeatureSetEngineering.WriteAsync(spec, columns, DataFiles.Batches(DataFiles.CreditData, 777), second, rowGroupSize: 1000);

        Assert.Equal(4454, written.Written.Rows);
        Assert.Equal(first.Length, written.Written.Bytes);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(first.ToArray())), written.Written.Sha256);
        Assert.Equal(written.Written.Sha256, again.Written.Sha256);
        Assert.True(written.Written.Table.HasHoldout);

        first.Position = 0;
        var frames = new List<FeatureFrame>();
        await foreach (FeatureFrame frame in FeatureParquetReader.ReadAsync(first))
        {
            frames.Add(frame);
        }

        // Records 1023 and 2930 repeat records 1022 and 2929 exactly and are kept (the spec keeps duplicates); keys are record numbers.
        Assert.Equal(5, frames.Count);
        Assert.Equal(Enumerable.Range(1, 4454).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), frames.SelectMany(f => f.Keys));
        Assert.Equal(1254, frames.SelectMany(f => f.Labels!).Count(l => l == "bad"));
        Assert.Null(frames[0].EventTimes);
        Assert.Equal(written.Features.Columns, frames[0].Features.Select(f => f.Name));
        Assert.Equal(891, frames.SelectMany(f => f.Holdout!).Count(h => h));

        // Income is imputed (8.6% missing), so its log is never missing; the cleaning report counts the fills.
        Assert.DoesNotContain(frames.SelectMany(f => f.Find("log_income")!.Values), double.IsNaN);
        Assert.Equal(381, written.Cleaning!.Find("Income")!.Imputed);
        Assert.Equal((4454L, 4454L, 2L, 0L), (written.Cleaning.RowsRead, written.Cleaning.RowsWritten, written.Cleaning.DuplicateRowsFound, written.Cleaning.DuplicateRowsDropped));
        Assert.Equal("125", written.Cleaning.Find("Income")!.FillValue);
    }

    [Fact]
    public async Task A_missing_key_column_is_named()
    {
        FeatureDefinition[] age = [new() { Name = "age", Sources = ["Age"], Transform = new IdentityTransform() }];
        FittedFeatureSet set = FeatureEngineerTests.Fit(age, ["Age"], [["30"]]);

        ArgumentException error = await Assert.ThrowsAsync<ArgumentException>(() =>
            FeatureSetBuilder.WriteAsync(new MemoryStream(), DataFiles.Batches(DataFiles.CreditData), set, new FeatureSetSource("customer_id", false, null, "Status")));

        Assert.Contains("'customer_id'", error.Message, StringComparison.Ordinal);
    }
}
