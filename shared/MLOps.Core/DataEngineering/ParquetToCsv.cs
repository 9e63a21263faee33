using MLOps.Core.DataEngineering.Csv;
using Parquet;
using Parquet.Schema;

namespace MLOps.Core.DataEngineering;

/// <summary>
/// Converts a landed Parquet file into the canonical raw CSV snapshot every later step reads, one row group at a
/// time so memory is bounded by a row group, not the file. Only flat tables convert: a struct, list or map column
/// has no single CSV cell, so it is rejected by name rather than flattened by a guess. A file Parquet.Net cannot
/// read is rejected too; retrying cannot repair it.
/// </summary>
public static class ParquetToCsv
{
    /// <param name="parquet">A readable, seekable stream (Parquet keeps its directory in the footer).</param>
    /// <param name="csv">Receives the CSV (header, then one record per row); left open.</param>
    /// <param name="name">The landed file's name, for messages.</param>
    /// <returns>The data rows written.</returns>
    public static async Task<long> ConvertAsync(Stream parquet, Stream csv, string name, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(parquet);
        ArgumentNullException.ThrowIfNull(csv);
        await using ParquetReader reader = await Unreadable(name, () => ParquetReader.CreateAsync(parquet, leaveStreamOpen: true, cancellationToken: cancellationToken));
        ParquetColumn[] columns = ParquetColumn.Of(reader.Schema, name);
        long rows = 0;
        await using (var writer = new CsvRecordWriter(csv, leaveOpen: true))
        {
            var record = new string[columns.Length];
            await writer.WriteRecordAsync(columns.Select(c => c.Field.Name).ToArray(), cancellationToken);
            for (int g = 0; g < reader.RowGroupCount; g++)
            {
                string?[][] cells = await Unreadable(name, () => ReadRowGroupAsync(reader, g, columns, cancellationToken));
                int count = cells.Length == 0 ? 0 : cells[0].Length;
                for (int r = 0; r < count; r++)
                {
                    for (int c = 0; c < columns.Length; c++)
                    {
                        record[c] = cells[c][r] ?? string.Empty;
                    }

                    await writer.WriteRecordAsync(record, cancellationToken);
                }

                rows += count;
            }
        }

        if (rows == 0)
        {
            throw new DataRejectedException($"'{name}' is a Parquet file with no rows.");
        }

        return rows;
    }

    private static async Task<string?[][]> ReadRowGroupAsync(
        ParquetReader reader, int index, ParquetColumn[] columns, CancellationToken cancellationToken)
    {
        using ParquetRowGroupReader group = reader.OpenRowGroupReader(index);
        int rows = checked((int)group.RowCount);
        var cells = new string?[columns.Length][];
        for (int c = 0; c < columns.Length; c++)
        {
            cells[c] = new string?[rows];
            await columns[c].Read(group, columns[c].Field, cells[c], cancellationToken);
        }

        return cells;
    }

    /// <summary>
    /// Runs a read of the Parquet file, turning whatever a corrupt or foreign file makes the reader throw into a
    /// rejection. Only reads of the local copy run here, so no storage or network failure is mistaken for bad data.
    /// </summary>
    private static async Task<T> Unreadable<T>(string name, Func<Task<T>> read)
    {
        try
        {
            return await read();
        }
        catch (Exception ex) when (ex is not (OperationCanceledException or DataRejectedException or OutOfMemoryException))
        {
            throw new DataRejectedException($"'{name}' is not a readable Parquet file: {ex.Message}", ex);
        }
    }
}
