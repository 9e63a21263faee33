using MLOps.Core.FeatureStore;
using MLOps.Core.FeatureStore.Offline;
using MLOps.Core.Requirements;
using MLOps.Training.Data;
using MLOps.UnitTests.Core.DataEngineering;

namespace MLOps.UnitTests.Training;

/// <summary>
/// The credit feature set built in memory as the data pipeline builds it (clean, split, fit on the training rows,
/// encode, Parquet) and read back; built once per run.
/// </summary>
internal static class CreditTables
{
    private static readonly Lazy<Task<(TrainingTable Table, FeatureSetWrite Write)>> Built = new(BuildAsync);

    public static async Task<TrainingTable> LoadAsync() => (await Built.Value).Table;

    /// <summary>What building the set recorded: split, fitted parameters, cleaning and engineering reports.</summary>
    public static async Task<FeatureSetWrite> WriteAsync() => (await Built.Value).Write;

    public static ProjectSpec Spec { get; } =
        ProjectSpecJson.Parse(File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "shared", "specs", "credit-scoring.json")));

    private static async Task<(TrainingTable, FeatureSetWrite)> BuildAsync()
    {
        var stream = new MemoryStream();
        IReadOnlyList<string> columns = (await DataFiles.ReadAllAsync(DataFiles.Open(DataFiles.CreditData))).Columns;
        FeatureSetWrite write = await FeatureSetEngineering.WriteAsync(Spec, columns, DataFiles.Batches(DataFiles.CreditData), stream, rowGroupSize: 1000);
        stream.Position = 0;
        return (await TrainingTable.LoadAsync(FeatureParquetReader.ReadAsync(stream), Spec), write);
    }
}
