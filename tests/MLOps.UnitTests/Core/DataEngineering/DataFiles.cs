using System.Text;
using MLOps.Core.DataEngineering.Csv;
using MLOps.Core.DataEngineering.Profiling;

namespace MLOps.UnitTests.Core.DataEngineering;

/// <summary>Reads the bundled data sets and small in-memory tables through the real reader.</summary>
internal static class DataFiles
{
    public static string CreditData { get; } = Path.Combine(TestPaths.RepositoryRoot, "shared", "data", "credit_data.csv");

    public static string Churn { get; } = Path.Combine(TestPaths.RepositoryRoot, "shared", "data", "mlc_churn.csv");

    public static CsvRecordReader Open(string path, int batchSize = 1024) =>
        new(File.OpenRead(path), new CsvReaderOptions { BatchSize = batchSize });

    public static CsvRecordReader FromText(string text, CsvReaderOptions? options = null) =>
        new(new MemoryStream(Encoding.UTF8.GetBytes(text)), options);

    public static async Task<List<CsvBatch>> ReadBatchesAsync(CsvRecordReader reader)
    {
        var batches = new List<CsvBatch>();
        await foreach (CsvBatch batch in reader.ReadBatchesAsync())
        {
            batches.Add(batch);
        }

        return batches;
    }

    public static async Task<(IReadOnlyList<string> Columns, List<CsvRecord> Records)> ReadAllAsync(CsvRecordReader reader)
    {
        IReadOnlyList<string> columns = await reader.ReadHeaderAsync();
        List<CsvBatch> batches = await ReadBatchesAsync(reader);
        return (columns, batches.SelectMany(b => b.Records).ToList());
    }

    public static async Task<DatasetProfile> ProfileAsync(string path, ProfilerOptions? options = null)
    {
        await using CsvRecordReader reader = Open(path);
        return await ColumnProfiler.ProfileAsync(reader, options);
    }

    public static async IAsyncEnumerable<CsvBatch> Batches(string path, int batchSize = 1024)
    {
        await using CsvRecordReader reader = Open(path, batchSize);
        await foreach (CsvBatch batch in reader.ReadBatchesAsync())
        {
            yield return batch;
        }
    }

    /// <summary>A table from literal rows, as one batch, for tests that need no parsing.</summary>
    public static CsvBatch Table(string[] columns, params string[][] rows) =>
        new(columns, rows.Select((r, i) => new CsvRecord(i + 1, i + 2, r)).ToArray());
}
