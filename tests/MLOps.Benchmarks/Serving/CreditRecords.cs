using System.Globalization;
using System.Text.Json.Nodes;
using MLOps.Core.DataEngineering.Csv;

namespace MLOps.Benchmarks.Serving;

/// <summary>Raw records of a credit CSV as the scorers take them: column → value (empty is missing), and as the JSON a client sends.</summary>
public static class CreditRecords
{
    /// <summary>Every record of <paramref name="file"/> (the label column <paramref name="skip"/> left out, as a caller would not have it).</summary>
    public static async Task<List<IReadOnlyDictionary<string, string?>>> ReadAsync(string file, string skip, CancellationToken cancellationToken)
    {
        var records = new List<IReadOnlyDictionary<string, string?>>();
        await foreach (IReadOnlyList<IReadOnlyDictionary<string, string?>> batch in ReadBatchesAsync(file, skip, cancellationToken))
        {
            records.AddRange(batch);
        }

        return records;
    }

    /// <summary>Streams the records in the reader's batches, so a large file is never held whole.</summary>
    public static async IAsyncEnumerable<IReadOnlyList<IReadOnlyDictionary<string, string?>>> ReadBatchesAsync(
        string file, string skip, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var reader = new CsvRecordReader(File.OpenRead(file));
        IReadOnlyList<string> columns = await reader.ReadHeaderAsync(cancellationToken);
        await foreach (CsvBatch batch in reader.ReadBatchesAsync(cancellationToken))
        {
            var records = new List<IReadOnlyDictionary<string, string?>>(batch.Records.Count);
            foreach (CsvRecord record in batch.Records)
            {
                var values = new Dictionary<string, string?>(columns.Count, StringComparer.Ordinal);
                for (int c = 0; c < columns.Count; c++)
                {
                    if (columns[c] != skip)
                    {
                        values[columns[c]] = record.Fields[c].Length == 0 ? null : record.Fields[c];
                    }
                }

                records.Add(values);
            }

            yield return records;
        }
    }

    /// <summary>A record as JSON: numbers as numbers, missing as null, the rest as strings (as a business application sends them).</summary>
    public static JsonObject ToJson(IReadOnlyDictionary<string, string?> record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var json = new JsonObject();
        foreach ((string column, string? value) in record)
        {
            json[column] = value is null ? null
                : double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double number) ? JsonValue.Create(number)
                : JsonValue.Create(value);
        }

        return json;
    }
}
