using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Azure;
using Azure.Data.Tables;

namespace MLOps.Core.FeatureStore;

/// <summary>
/// The online store: the latest feature vector per entity key in Azure Table storage (layout in
/// <see cref="OnlineTableLayout"/>), written in per-partition transactions and read by point queries.
/// </summary>
/// <remarks>
/// Versions only move forward per row: a row is written with Add when absent or with UpdateReplace conditioned
/// on the ETag just read when its stored version is the same or older, and left alone when it is newer. If a
/// racing materialization changes a row between the read and the write, the transaction fails as a whole and
/// the chunk is read and decided again, so an older version never replaces a newer one. Writing the same version
/// again replaces rows with identical values: re-materializing is a no-op in effect (and repairs drift).
/// </remarks>
public sealed class OnlineFeatureStore(TableServiceClient tables, int maxParallelism = 4)
{
    /// <summary>Table transactions hold at most 100 operations, all in one partition.</summary>
    public const int BatchSize = 100;

    private const int MaxAttempts = 5;

    private readonly int parallelism = maxParallelism >= 1
        ? maxParallelism
        : throw new ArgumentOutOfRangeException(nameof(maxParallelism), maxParallelism, "Parallelism must be at least 1.");

    private readonly ConcurrentDictionary<string, Lazy<Task<TableClient>>> tablesByProject = new(StringComparer.Ordinal);

    public async Task<MaterializationResult> MaterializeAsync(
        FeatureSetVersion version, IAsyncEnumerable<FeatureFrame> frames, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(version);
        ArgumentNullException.ThrowIfNull(frames);
        if (version.Features.Count > OnlineTableLayout.MaxFeatures)
        {
            throw new NotSupportedException(
                $"{version.Project} v{version.Version} has {version.Features.Count} features; an online row holds at most {OnlineTableLayout.MaxFeatures}.");
        }

        string[] properties = OnlineTableLayout.PropertiesOf(version.Features);

        TableClient table = await this.TableAsync(version.Project, cancellationToken);
        var buckets = new Dictionary<string, Dictionary<string, TableEntity>>(StringComparer.Ordinal);
        var tails = new Dictionary<string, Task<(long Written, long Skipped)>>(StringComparer.Ordinal);
        var writes = new List<Task<(long Written, long Skipped)>>();
        var kept = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        using var gate = new SemaphoreSlim(this.parallelism);
        // Cleared by the first chunk that meets an existing row; see WriteChunkAsync.
        var addFirst = new StrongBox<bool>(true);
        long rows = 0;

        // Rows of one partition are written in order (each chunk waits for the previous one of its partition),
        // so a key that appears twice ends with its later row.
        async Task DispatchAsync(string partition, Dictionary<string, TableEntity> bucket)
        {
            Task<(long, long)> previous = tails.GetValueOrDefault(partition) ?? Task.FromResult((0L, 0L));
            await gate.WaitAsync(cancellationToken);
            Task<(long Written, long Skipped)> write = WriteAfterAsync(previous, table, version.Version, [.. bucket.Values], addFirst, gate, cancellationToken);
            tails[partition] = write;
            writes.Add(write);
        }

        try
        {
            await foreach (FeatureFrame frame in frames.WithCancellation(cancellationToken))
            {
                FeatureColumn[] columns = Columns(version, frame);
                for (int r = 0; r < frame.Rows; r++)
                {
                    rows++;
                    string key = frame.Keys[r];

                    // With event times the latest one per key wins; without, the last row read.
                    if (frame.EventTimes is { } times)
                    {
                        if (kept.TryGetValue(key, out DateTimeOffset seen) && times[r] < seen)
                        {
                            continue;
                        }

                        kept[key] = times[r];
                    }

                    double[] values = new double[columns.Length];
                    for (int f = 0; f < columns.Length; f++)
                    {
                        values[f] = columns[f].Values[r];
                    }

                    TableEntity entity = OnlineTableLayout.ToEntity(version, key, version.Features, properties, values);
                    if (!buckets.TryGetValue(entity.PartitionKey, out Dictionary<string, TableEntity>? bucket))
                    {
                        buckets[entity.PartitionKey] = bucket = new Dictionary<string, TableEntity>(StringComparer.Ordinal);
                    }

                    bucket[entity.RowKey] = entity;
                    if (bucket.Count == BatchSize)
                    {
                        buckets.Remove(entity.PartitionKey);
                        await DispatchAsync(entity.PartitionKey, bucket);
                    }
                }
            }

            foreach ((string partition, Dictionary<string, TableEntity> bucket) in buckets)
            {
                await DispatchAsync(partition, bucket);
            }
        }
        catch
        {
            // Writes in flight release the gate when they end; let them end before the gate is disposed.
            await ((Task)Task.WhenAll(writes)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            throw;
        }

        (long Written, long Skipped)[] results = await Task.WhenAll(writes);
        return new MaterializationResult(version.Project, version.Version, rows, results.Sum(x => x.Written), results.Sum(x => x.Skipped));
    }

    public async Task<OnlineFeatureVector?> GetAsync(string project, string key, CancellationToken cancellationToken = default)
    {
        TableClient table = tables.GetTableClient(OnlineTableLayout.TableName(project));
        try
        {
            NullableResponse<TableEntity> found = await table.GetEntityIfExistsAsync<TableEntity>(
                OnlineTableLayout.PartitionOf(key), OnlineTableLayout.RowKeyOf(key), cancellationToken: cancellationToken);
            return found.HasValue ? OnlineTableLayout.FromEntity(found.Value!) : null;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // The project's table does not exist yet: nothing has been materialized.
            return null;
        }
    }

    /// <summary>Parallel point reads (a point read is the cheapest Table query); keys not online are absent.</summary>
    public async Task<IReadOnlyDictionary<string, OnlineFeatureVector>> GetManyAsync(
        string project, IEnumerable<string> keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var found = new ConcurrentDictionary<string, OnlineFeatureVector>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(
            keys.Distinct(StringComparer.Ordinal),
            new ParallelOptions { MaxDegreeOfParallelism = this.parallelism * 4, CancellationToken = cancellationToken },
            async (key, ct) =>
            {
                if (await this.GetAsync(project, key, ct) is { } vector)
                {
                    found[key] = vector;
                }
            });
        return found;
    }

    private static FeatureColumn[] Columns(FeatureSetVersion version, FeatureFrame frame)
    {
        var columns = new FeatureColumn[version.Features.Count];
        for (int f = 0; f < columns.Length; f++)
        {
            FeatureColumn column = frame.Find(version.Features[f])
                ?? throw new InvalidDataException($"A frame of {version.Project} v{version.Version} lacks the feature '{version.Features[f]}'.");
            if (column.Values.Count != frame.Rows)
            {
                throw new InvalidDataException($"Feature '{column.Name}' has {column.Values.Count} values for {frame.Rows} keys.");
            }

            columns[f] = column;
        }

        if (frame.EventTimes is { } times && times.Count != frame.Rows)
        {
            throw new InvalidDataException($"A frame has {times.Count} event times for {frame.Rows} keys.");
        }

        return columns;
    }

    private static async Task<(long Written, long Skipped)> WriteAfterAsync(
        Task previous, TableClient table, int version, TableEntity[] chunk, StrongBox<bool> addFirst, SemaphoreSlim gate, CancellationToken cancellationToken)
    {
        try
        {
            await previous;
            return await WriteChunkAsync(table, version, chunk, addFirst, cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }

    private static async Task<(long Written, long Skipped)> WriteChunkAsync(
        TableClient table, int version, TableEntity[] chunk, StrongBox<bool> addFirst, CancellationToken cancellationToken)
    {
        string partition = chunk[0].PartitionKey;

        // Rows that do not exist yet need no read: an Add-only transaction writes them, and fails as a whole (409)
        // if any row exists, without replacing it. A first materialization then takes one request per chunk, not two;
        // on Azurite the range query it saves filters the whole table, so its cost grew with every row written.
        // After one conflict this run reads first, as below.
        if (Volatile.Read(ref addFirst.Value))
        {
            try
            {
                await table.SubmitTransactionAsync(chunk.Select(e => new TableTransactionAction(TableTransactionActionType.Add, e)), cancellationToken);
                return (chunk.Length, 0);
            }
            catch (TableTransactionFailedException ex) when (ex.Status == 409)
            {
                Volatile.Write(ref addFirst.Value, false);
            }
        }

        for (int attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            Dictionary<string, (int Version, ETag ETag)> stored = await ReadStoredAsync(table, chunk, pointReads: attempt > 1, cancellationToken);
            var actions = new List<TableTransactionAction>(chunk.Length);
            long skipped = 0;
            foreach (TableEntity entity in chunk)
            {
                if (!stored.TryGetValue(entity.RowKey, out (int Version, ETag ETag) current))
                {
                    actions.Add(new TableTransactionAction(TableTransactionActionType.Add, entity));
                }
                else if (current.Version <= version)
                {
                    actions.Add(new TableTransactionAction(TableTransactionActionType.UpdateReplace, entity, current.ETag));
                }
                else
                {
                    skipped++;
                }
            }

            if (actions.Count == 0)
            {
                return (0, skipped);
            }

            try
            {
                await table.SubmitTransactionAsync(actions, cancellationToken);
                return (actions.Count, skipped);
            }
            catch (TableTransactionFailedException ex) when (ex.Status is 409 or 412)
            {
                // A racing writer changed a row after the read: decide the chunk again.
            }
        }

        throw new InvalidOperationException(
            $"Partition '{partition}' of table '{table.Name}' kept changing during {MaxAttempts} attempts to write version {version}.");
    }

    /// <summary>
    /// The stored version and ETag of each row of a chunk. First by one range query over the chunk's RowKeys;
    /// after a conflict by point reads, which do not depend on how the service orders non-ASCII keys.
    /// </summary>
    private static async Task<Dictionary<string, (int Version, ETag ETag)>> ReadStoredAsync(
        TableClient table, TableEntity[] chunk, bool pointReads, CancellationToken cancellationToken)
    {
        string partition = chunk[0].PartitionKey;
        string[] select = [nameof(TableEntity.RowKey), OnlineTableLayout.VersionProperty];
        var stored = new ConcurrentDictionary<string, (int Version, ETag ETag)>(StringComparer.Ordinal);
        if (pointReads)
        {
            await Parallel.ForEachAsync(chunk, cancellationToken, async (entity, ct) =>
            {
                NullableResponse<TableEntity> row = await table.GetEntityIfExistsAsync<TableEntity>(partition, entity.RowKey, select, ct);
                if (row.HasValue)
                {
                    stored[entity.RowKey] = (row.Value!.GetInt32(OnlineTableLayout.VersionProperty) ?? 0, row.Value.ETag);
                }
            });
        }
        else
        {
            string low = chunk.Select(e => e.RowKey).Min(StringComparer.Ordinal)!;
            string high = chunk.Select(e => e.RowKey).Max(StringComparer.Ordinal)!;
            await foreach (TableEntity row in table.QueryAsync<TableEntity>(
                TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {low} and RowKey le {high}"),
                select: select,
                cancellationToken: cancellationToken))
            {
                stored[row.RowKey] = (row.GetInt32(OnlineTableLayout.VersionProperty) ?? 0, row.ETag);
            }
        }

        return new Dictionary<string, (int Version, ETag ETag)>(stored, StringComparer.Ordinal);
    }

    private async Task<TableClient> TableAsync(string project, CancellationToken cancellationToken)
    {
        Lazy<Task<TableClient>> creation = this.tablesByProject.GetOrAdd(
            project,
            p => new Lazy<Task<TableClient>>(async () =>
            {
                TableClient table = tables.GetTableClient(OnlineTableLayout.TableName(p));
                await table.CreateIfNotExistsAsync(CancellationToken.None);
                return table;
            }));
        try
        {
            return await creation.Value.WaitAsync(cancellationToken);
        }
        catch (RequestFailedException)
        {
            // Do not remember a failed creation: the next call tries again.
            this.tablesByProject.TryRemove(new KeyValuePair<string, Lazy<Task<TableClient>>>(project, creation));
            throw;
        }
    }
}
