using System.Globalization;
using System.Text;
using MLOps.Core.DataEngineering.Csv;

namespace MLOps.Benchmarks.DataPipeline;

/// <summary>
/// Writes a large file with credit_data.csv's columns and value distributions: rows of the source sampled with
/// replacement (seeded, so every run lands the same bytes), numeric values jittered by up to ±5% so rows are not
/// exact duplicates, and missing values kept wherever the sampled row had them (so the missing shares match).
/// </summary>
public static class CreditDataGenerator
{
    private const double Jitter = 0.05;

    // Clamped to the credit-scoring spec's hard ranges, so the file passes validation like the original does.
    private static readonly Dictionary<string, (double Min, double Max)> Ranges = new(StringComparer.Ordinal)
    {
        ["Seniority"] = (0, 60),
        ["Age"] = (18, 100),
        ["Expenses"] = (0, 1000),
        ["Income"] = (0, 10000),
        ["Assets"] = (0, 1_000_000),
        ["Debt"] = (0, 100_000),
        ["Amount"] = (100, 10000),
        ["Price"] = (100, 20000),
    };

    public static async Task WriteAsync(string source, string destination, long rows, int seed, CancellationToken cancellationToken)
    {
        (IReadOnlyList<string> columns, List<IReadOnlyList<string>> sample) = await ReadAsync(source, cancellationToken);
        var random = new Random(seed);
        await using var output = new StreamWriter(destination, append: false, new UTF8Encoding(false), bufferSize: 1 << 20);
        output.NewLine = "\n";
        await output.WriteLineAsync(string.Join(',', columns.Select(Quote)));
        var line = new StringBuilder();
        for (long row = 0; row < rows; row++)
        {
            IReadOnlyList<string> fields = sample[random.Next(sample.Count)];
            line.Clear();
            for (int i = 0; i < fields.Count; i++)
            {
                if (i > 0)
                {
                    line.Append(',');
                }

                line.Append(Perturb(columns[i], fields[i], random));
            }

            await output.WriteLineAsync(line, cancellationToken);
        }
    }

    private static async Task<(IReadOnlyList<string> Columns, List<IReadOnlyList<string>> Rows)> ReadAsync(string source, CancellationToken cancellationToken)
    {
        await using var reader = new CsvRecordReader(File.OpenRead(source));
        IReadOnlyList<string> columns = await reader.ReadHeaderAsync(cancellationToken);
        var rows = new List<IReadOnlyList<string>>();
        await foreach (CsvBatch batch in reader.ReadBatchesAsync(cancellationToken))
        {
            rows.AddRange(batch.Records.Select(r => r.Fields));
        }

        return (columns, rows);
    }

    private static string Perturb(string column, string value, Random random)
    {
        // Time is a term in whole months from a short list (6, 12, ..., 72), so it is kept as it is.
        if (value.Length == 0 || !Ranges.TryGetValue(column, out (double Min, double Max) range)
            || !double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double number))
        {
            return value.Length == 0 ? value : Quote(value);
        }

        double jittered = Math.Round(number * (1 + (((random.NextDouble() * 2) - 1) * Jitter)));
        return Math.Clamp(jittered, range.Min, range.Max).ToString("0", CultureInfo.InvariantCulture);
    }

    // The source quotes its categorical values; keep the same shape of file.
    private static string Quote(string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _) ? value : $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
}
