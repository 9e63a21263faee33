using MLOps.Core.DataEngineering.Profiling;
using MLOps.Core.FeatureStore;
using MLOps.Core.FeatureStore.Engineering;
using MLOps.Core.FeatureStore.Offline;
using MLOps.Core.Requirements;
using MLOps.UnitTests.Core.DataEngineering;

namespace MLOps.UnitTests.Core.FeatureStore.Offline;

public class FeatureSetBuilderTests
{
    [Fact]
    public async Task Builds_the_credit_feature_set_with_record_numbers_as_keys_deterministically()
    {
        ProjectSpec spec = ProjectSpecJson.Parse(File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "shared", "specs", "credit-scoring.json")));
        DatasetProfile profile = await DataFiles.ProfileAsync(DataFiles.CreditData);
        FittedFeatureSet set = FeatureEngineer.Fit(spec, profile);

        using var first = new MemoryStream();
        FeatureParquetWriter written = await FeatureSetBuilder.WriteAsync(first, DataFiles.Batches(DataFiles.CreditData, 500), set, FeatureSetSource.Of(spec), rowGroupSize: 1000);
        using var second = new MemoryStream();
        FeatureParquetWriter again = await FeatureSetBuilder.WriteAsync(second, DataFiles.Batches(DataFiles.CreditData, 777), set, FeatureSetSource.Of(spec), rowGroupSize: 1000);

        Assert.Equal(4454, written.Rows);
        Assert.Equal(first.Length, written.Bytes);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(first.ToArray())), written.Sha256);
        Assert.Equal(written.Sha256, again.Sha256);

        first.Position = 0;
        var frames = new List<FeatureFrame>();
        await foreach (FeatureFrame frame in FeatureParquetReader.ReadAsync(first))
        {
            frames.Add(frame);
        }

        Assert.Equal(5, frames.Count);
        Assert.Equal(Enumerable.Range(1, 4454).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), frames.SelectMany(f => f.Keys));
        Assert.Equal(1254, frames.SelectMany(f => f.Labels!).Count(l => l == "bad"));
        Assert.Null(frames[0].EventTimes);
        Assert.Equal(set.Columns, frames[0].Features.Select(f => f.Name));
        Assert.Equal(profile.Find("Income")!.Missing, frames.SelectMany(f => f.Find("log_income")!.Values).Count(double.IsNaN));
    }

    [Fact]
    public async Task A_missing_key_column_is_named()
    {
        DatasetProfile profile = await DataFiles.ProfileAsync(DataFiles.CreditData);
        FittedFeatureSet set = FeatureEngineer.Fit([new FeatureDefinition { Name = "age", Sources = ["Age"], Transform = new IdentityTransform() }], profile);

        ArgumentException error = await Assert.ThrowsAsync<ArgumentException>(() =>
            FeatureSetBuilder.WriteAsync(new MemoryStream(), DataFiles.Batches(DataFiles.CreditData), set, new FeatureSetSource("customer_id", false, null, "Status")));

        Assert.Contains("'customer_id'", error.Message, StringComparison.Ordinal);
    }
}
