using System.Diagnostics;
using MLOps.Core.DataEngineering.Csv;

namespace MLOps.Benchmarks.DataPipeline;

/// <summary>
/// The in-process baseline: stream the same file from local disk through <see cref="CsvRecordReader"/>, the parser
/// every pipeline step uses, and count its records. One pass over the bytes, no storage, no orchestration.
/// </summary>
public static class CsvParseBaseline
{
    public static async Task<(TimeSpan Wall, long Rows)> MeasureAsync(string path, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        long rows = 0;
        await using (var reader = new CsvRecordReader(File.OpenRead(path)))
        {
            await foreach (CsvBatch batch in reader.ReadBatchesAsync(cancellationToken))
            {
                rows += batch.Records.Count;
            }
        }

        return (clock.Elapsed, rows);
    }
}
