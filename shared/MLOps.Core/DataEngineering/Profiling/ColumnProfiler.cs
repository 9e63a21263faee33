using MLOps.Core.DataEngineering.Csv;

namespace MLOps.Core.DataEngineering.Profiling;

/// <summary>
/// Profiles the columns of a stream of records into a <see cref="PartialProfile"/>. Partials of row chunks merge
/// with <see cref="MergeChunks"/>, partials of column groups with <see cref="MergeColumnGroups"/>, so the pipeline
/// can fan out profiling activities and fan in; <see cref="Finish"/> turns the merged partial into the profile.
/// </summary>
public sealed class ColumnProfiler
{
    private readonly ProfilerOptions options;
    private readonly int[] indexes;
    private readonly ColumnAccumulator[] accumulators;
    private long rows;

    /// <param name="header">The file's columns, to locate fields in records.</param>
    /// <param name="options">Limits; the defaults suit files up to about 100k rows exactly.</param>
    /// <param name="columns">The subset (column group) to profile; all columns when null.</param>
    public ColumnProfiler(IReadOnlyList<string> header, ProfilerOptions? options = null, IReadOnlyList<string>? columns = null)
    {
        ArgumentNullException.ThrowIfNull(header);
        this.options = options ?? ProfilerOptions.Default;
        ArgumentOutOfRangeException.ThrowIfLessThan(this.options.SketchCapacity, 8, nameof(options));
        ArgumentOutOfRangeException.ThrowIfNegative(this.options.ExactQuantileLimit, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(this.options.DistinctCap, 1, nameof(options));
        IReadOnlyList<string> selected = columns ?? header;
        this.indexes = selected.Select(c => IndexOf(header, c)).ToArray();
        this.accumulators = selected.Select(c => new ColumnAccumulator(c, this.options)).ToArray();
    }

    public void Add(CsvBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        foreach (CsvRecord record in batch.Records)
        {
            this.Add(record.Fields);
        }
    }

    public void Add(IReadOnlyList<string> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        this.rows++;
        for (int i = 0; i < this.indexes.Length; i++)
        {
            this.accumulators[i].Add(fields[this.indexes[i]]);
        }
    }

    public PartialProfile ToPartial() => new(this.rows, this.accumulators.Select(a => a.ToPartial()).ToArray());

    /// <summary>Combines the profiles of two row chunks of the same columns.</summary>
    public static PartialProfile MergeChunks(PartialProfile first, PartialProfile second, ProfilerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        if (!first.Columns.Select(c => c.Name).SequenceEqual(second.Columns.Select(c => c.Name), StringComparer.Ordinal))
        {
            throw new ArgumentException("Row chunks must profile the same columns in the same order.", nameof(second));
        }

        var merged = new PartialColumnProfile[first.Columns.Count];
        for (int i = 0; i < merged.Length; i++)
        {
            var accumulator = new ColumnAccumulator(first.Columns[i].Name, options ?? ProfilerOptions.Default);
            accumulator.Merge(first.Columns[i]);
            accumulator.Merge(second.Columns[i]);
            merged[i] = accumulator.ToPartial();
        }

        return new PartialProfile(first.Rows + second.Rows, merged);
    }

    /// <summary>Combines the profiles of two disjoint column groups over the same rows.</summary>
    public static PartialProfile MergeColumnGroups(PartialProfile first, PartialProfile second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        if (first.Rows != second.Rows)
        {
            throw new ArgumentException($"Column groups must cover the same rows ({first.Rows} vs {second.Rows}).", nameof(second));
        }

        if (first.Columns.Select(c => c.Name).Intersect(second.Columns.Select(c => c.Name), StringComparer.Ordinal).Any())
        {
            throw new ArgumentException("Column groups must not overlap.", nameof(second));
        }

        return new PartialProfile(first.Rows, [.. first.Columns, .. second.Columns]);
    }

    public static DatasetProfile Finish(PartialProfile partial, ProfilerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(partial);
        ProfilerOptions resolved = options ?? ProfilerOptions.Default;
        return new DatasetProfile(partial.Rows, partial.Columns.Select(c => ColumnProfileFactory.Finish(c, resolved)).ToArray());
    }

    /// <summary>Profiles every remaining record of a reader in one pass.</summary>
    public static async Task<DatasetProfile> ProfileAsync(
        CsvRecordReader reader, ProfilerOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var profiler = new ColumnProfiler(await reader.ReadHeaderAsync(cancellationToken), options);
        await foreach (CsvBatch batch in reader.ReadBatchesAsync(cancellationToken))
        {
            profiler.Add(batch);
        }

        return Finish(profiler.ToPartial(), options);
    }

    private static int IndexOf(IReadOnlyList<string> header, string column)
    {
        for (int i = 0; i < header.Count; i++)
        {
            if (string.Equals(header[i], column, StringComparison.Ordinal))
            {
                return i;
            }
        }

        throw new ArgumentException($"Column '{column}' is not in the header.", nameof(column));
    }
}
