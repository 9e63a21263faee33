using System.Globalization;
using Parquet;
using Parquet.Schema;

namespace MLOps.Core.DataEngineering;

/// <summary>
/// How each flat Parquet column type reads into CSV text: invariant culture, and a form that parses back to the
/// same value (doubles shortest round-trip, instants ISO-8601 "O"), because the raw snapshot is the only copy
/// of the data every later step sees. A null becomes <c>null</c>, written as an empty field: a missing value.
/// </summary>
internal static class ParquetColumnFormats
{
    private static readonly Dictionary<Type, ColumnReader> Readers = new()
    {
        // Parquet.Net reports UTF-8 string columns as ReadOnlyMemory<char>; they read as strings all the same.
        [typeof(string)] = ReadStringsAsync,
        [typeof(ReadOnlyMemory<char>)] = ReadStringsAsync,
        [typeof(bool)] = Values<bool>(v => v ? "true" : "false"),
        [typeof(sbyte)] = Values<sbyte>(Invariant),
        [typeof(byte)] = Values<byte>(Invariant),
        [typeof(short)] = Values<short>(Invariant),
        [typeof(ushort)] = Values<ushort>(Invariant),
        [typeof(int)] = Values<int>(Invariant),
        [typeof(uint)] = Values<uint>(Invariant),
        [typeof(long)] = Values<long>(Invariant),
        [typeof(ulong)] = Values<ulong>(Invariant),
        [typeof(decimal)] = Values<decimal>(Invariant),
        [typeof(float)] = Values<float>(v => v.ToString("R", CultureInfo.InvariantCulture)),
        [typeof(double)] = Values<double>(v => v.ToString("R", CultureInfo.InvariantCulture)),
        [typeof(DateTime)] = Values<DateTime>(v => v.ToString("O", CultureInfo.InvariantCulture)),
        [typeof(DateTimeOffset)] = Values<DateTimeOffset>(v => v.ToString("O", CultureInfo.InvariantCulture)),
        [typeof(DateOnly)] = Values<DateOnly>(v => v.ToString("O", CultureInfo.InvariantCulture)),
        [typeof(TimeOnly)] = Values<TimeOnly>(v => v.ToString("O", CultureInfo.InvariantCulture)),
        [typeof(TimeSpan)] = Values<TimeSpan>(v => v.ToString("c", CultureInfo.InvariantCulture)),
        [typeof(Guid)] = Values<Guid>(v => v.ToString("D", CultureInfo.InvariantCulture)),
    };

    /// <summary>Reads one column of a row group into its cells.</summary>
    public delegate Task ColumnReader(ParquetRowGroupReader group, DataField field, string?[] cells, CancellationToken cancellationToken);

    /// <summary>The reader for a column's type; null when its values have no faithful CSV form (binary, intervals).</summary>
    public static ColumnReader? For(DataField field) => Readers.GetValueOrDefault(field.ClrType);

    private static string Invariant<T>(T value)
        where T : IFormattable => value.ToString(null, CultureInfo.InvariantCulture);

    private static async Task ReadStringsAsync(ParquetRowGroupReader group, DataField field, string?[] cells, CancellationToken cancellationToken) =>
        await group.ReadAsync(field, cells.AsMemory(), cancellationToken: cancellationToken);

    private static ColumnReader Values<T>(Func<T, string> format)
        where T : struct =>
        async (group, field, cells, cancellationToken) =>
        {
            // Read as nullable whether or not the column is: one path for required and optional columns alike.
            var values = new T?[cells.Length];
            await group.ReadAsync<T>(field, values.AsMemory(), cancellationToken: cancellationToken);
            for (int i = 0; i < values.Length; i++)
            {
                cells[i] = values[i] is { } value ? format(value) : null;
            }
        };
}
