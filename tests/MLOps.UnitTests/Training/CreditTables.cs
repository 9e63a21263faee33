using MLOps.Core.DataEngineering.Profiling;
using MLOps.Core.FeatureStore;
using MLOps.Core.FeatureStore.Engineering;
using MLOps.Core.FeatureStore.Offline;
using MLOps.Core.Requirements;
using MLOps.Training.Data;
using MLOps.UnitTests.Core.DataEngineering;

namespace MLOps.UnitTests.Training;

/// <summary>The credit feature set built in memory through the real engineer, writer and reader; built once per run.</summary>
internal static class CreditTables
{
    private static readonly Lazy<Task<TrainingTable>> Table = new(BuildAsync);

    public static Task<TrainingTable> LoadAsync() => Table.Value;

    private static async Task<TrainingTable> BuildAsync()
    {
        ProjectSpec spec = ProjectSpecJson.Parse(File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "shared", "specs", "credit-scoring.json")));
        DatasetProfile profile = await DataFiles.ProfileAsync(DataFiles.CreditData);
        FittedFeatureSet set = FeatureEngineer.Fit(spec, profile);
        var stream = new MemoryStream();
        await FeatureSetBuilder.WriteAsync(stream, DataFiles.Batches(DataFiles.CreditData), set, FeatureSetSource.Of(spec), rowGroupSize: 1000);
        stream.Position = 0;
        return await TrainingTable.LoadAsync(FeatureParquetReader.ReadAsync(stream), spec);
    }
}
