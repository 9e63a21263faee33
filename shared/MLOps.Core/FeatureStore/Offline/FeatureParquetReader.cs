using System.Runtime.CompilerServices;
using Parquet;
using Parquet.Schema;

namespace MLOps.Core.FeatureStore.Offline;

/// <summary>Reads a feature-set file written by <see cref="FeatureParquetWriter"/>, one frame per row group.</summary>
public static class FeatureParquetReader
{
    /// <param name="input">A readable, seekable stream (Parquet keeps its directory in the footer).</param>
    public static async IAsyncEnumerable<FeatureFrame> ReadAsync(Stream input, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        await using ParquetReader reader = await ParquetReader.CreateAsync(input, leaveStreamOpen: true, cancellationToken: cancellationToken);
        FeatureTableSchema table = SchemaOf(reader);
        DataField[] fields = reader.Schema.DataFields;
        for (int g = 0; g < reader.RowGroupCount; g++)
        {
            using ParquetRowGroupReader group = reader.OpenRowGroupReader(g);
            int rows = checked((int)group.RowCount);
            int f = 0;
            var keys = new string?[rows];
            await group.ReadAsync(fields[f++], keys.AsMemory(), cancellationToken: cancellationToken);
            DateTimeOffset[]? times = null;
            if (table.EventTime is not null)
            {
                var raw = new DateTime[rows];
                await group.ReadAsync<DateTime>(fields[f++], raw.AsMemory(), cancellationToken: cancellationToken);
                times = raw.Select(t => new DateTimeOffset(DateTime.SpecifyKind(t, DateTimeKind.Utc))).ToArray();
            }

            string?[]? labels = null;
            if (table.Label is not null)
            {
                labels = new string?[rows];
                await group.ReadAsync(fields[f++], labels.AsMemory(), cancellationToken: cancellationToken);
            }

            bool[]? holdout = null;
            if (table.HasHoldout)
            {
                holdout = new bool[rows];
                await group.ReadAsync<bool>(fields[f++], holdout.AsMemory(), cancellationToken: cancellationToken);
            }

            var features = new FeatureColumn[table.Features.Count];
            for (int c = 0; c < features.Length; c++)
            {
                var values = new double[rows];
                await group.ReadAsync<double>(fields[f++], values.AsMemory(), cancellationToken: cancellationToken);
                features[c] = new FeatureColumn(table.Features[c], values);
            }

            yield return new FeatureFrame(keys!, times, labels, features, holdout);
        }
    }

    private static FeatureTableSchema SchemaOf(ParquetReader reader)
    {
        Dictionary<string, string> meta = reader.CustomMetadata;
        if (!meta.TryGetValue(FeatureParquetWriter.KeyMetadata, out string? key))
        {
            throw new InvalidDataException("The Parquet file is not a feature set: it names no entity key column.");
        }

        string? time = meta.GetValueOrDefault(FeatureParquetWriter.EventTimeMetadata) is { Length: > 0 } t ? t : null;
        string? label = meta.GetValueOrDefault(FeatureParquetWriter.LabelMetadata) is { Length: > 0 } l ? l : null;
        bool holdout = meta.GetValueOrDefault(FeatureParquetWriter.HoldoutMetadata) is { Length: > 0 };
        int fixedColumns = 1 + (time is null ? 0 : 1) + (label is null ? 0 : 1) + (holdout ? 1 : 0);
        return new FeatureTableSchema(key, time, label, [.. reader.Schema.DataFields.Skip(fixedColumns).Select(d => d.Name)], holdout);
    }
}
