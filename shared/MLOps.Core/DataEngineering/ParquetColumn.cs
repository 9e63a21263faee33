using Parquet.Schema;

namespace MLOps.Core.DataEngineering;

/// <summary>One flat column of a Parquet file and how its values read into CSV cells.</summary>
internal sealed record ParquetColumn(DataField Field, ParquetColumnFormats.ColumnReader Read)
{
    /// <summary>
    /// The file's columns in order, or a rejection naming the first that cannot be one CSV column: nested or
    /// repeated values, a type with no faithful text form, or a name the snapshot's header cannot carry (the
    /// header is split on commas when chunk offsets are computed, and names must be unique).
    /// </summary>
    public static ParquetColumn[] Of(ParquetSchema schema, string name)
    {
        var columns = new List<ParquetColumn>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (Field field in schema.Fields)
        {
            if (field is not DataField data || data.IsArray || data.MaxRepetitionLevel > 0)
            {
                throw new DataRejectedException(
                    $"'{name}': column '{field.Name}' is a {Describe(field)}; only flat columns of single values can become a CSV snapshot.");
            }

            ParquetColumnFormats.ColumnReader read = ParquetColumnFormats.For(data)
                ?? throw new DataRejectedException($"'{name}': column '{field.Name}' has type {data.ClrType.Name}, which has no CSV form.");
            if (field.Name.Length == 0 || field.Name.AsSpan().IndexOfAny(",\"\r\n") >= 0)
            {
                throw new DataRejectedException($"'{name}': column name '{field.Name}' is empty or contains a comma, quote or line break.");
            }

            if (!seen.Add(field.Name))
            {
                throw new DataRejectedException($"'{name}': column '{field.Name}' appears more than once.");
            }

            columns.Add(new ParquetColumn(data, read));
        }

        return [.. columns];
    }

    private static string Describe(Field field) => field.SchemaType switch
    {
        SchemaType.Struct => "struct (nested) column",
        SchemaType.List => "list column",
        SchemaType.Map => "map column",
        _ => "repeated column",
    };
}
