using MLOps.Core.DataEngineering.Csv;
using MLOps.Core.DataEngineering.Profiling;

namespace MLOps.Core.DataEngineering;

/// <summary>
/// Reads the head of a CSV into a <see cref="DataSample"/> through the same streaming reader the data pipeline
/// uses, so the feasibility check and the pipeline agree on quoting, encoding and what counts as missing
/// (<see cref="MissingValues"/>: such fields become null).
/// </summary>
public static class DataSampleReader
{
    /// <summary>Reads up to <paramref name="maxRows"/> data rows (all when null).</summary>
    /// <exception cref="CsvFormatException">The file is not well-formed CSV.</exception>
    public static async Task<DataSample> ReadAsync(Stream stream, int? maxRows = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        await using var reader = new CsvRecordReader(stream, new CsvReaderOptions { AllowHeaderOnly = true }, leaveOpen: true);
        IReadOnlyList<string> columns = await reader.ReadHeaderAsync(cancellationToken);
        var rows = new List<string?[]>();
        await foreach (CsvBatch batch in reader.ReadBatchesAsync(cancellationToken))
        {
            foreach (CsvRecord record in batch.Records)
            {
                if (rows.Count == maxRows)
                {
                    return new DataSample(columns, rows) { Truncated = true };
                }

                rows.Add(record.Fields.Select(f => MissingValues.IsMissing(f) ? null : f).ToArray());
            }
        }

        return new DataSample(columns, rows);
    }

    public static async Task<DataSample> ReadAsync(string path, int? maxRows = null, CancellationToken cancellationToken = default)
    {
        await using FileStream file = File.OpenRead(path);
        return await ReadAsync(file, maxRows, cancellationToken);
    }
}
