using Azure;
using Azure.Data.Tables;
using MLOps.Core.DataEngineering;
using MLOps.Core.Projects;
using MLOps.Core.Storage;

namespace MLOps.Core.Landing;

/// <summary>
/// <see cref="ILandingQueue"/> on the <c>landing</c> table: one partition per project, one row per blob version
/// (row key: a digest of name and ETag, since blob names may outgrow a table key), the record as JSON.
/// </summary>
public sealed class TableLandingQueue(TableServiceClient tables, ProjectRegistry projects, TimeProvider clock) : ILandingQueue
{
    public const string TableName = "landing";

    private readonly EnsuredTable table = new(tables.GetTableClient(TableName));

    public async Task<LandingAdmission> AdmitAsync(LandingBlob blob, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(blob);
        LandedFile? known = await this.GetAsync(blob, cancellationToken);
        if (known?.State == LandingState.Superseded)
        {
            return new LandingAdmission(false, known);
        }

        if (await this.RegisteredAsync(blob.Project, cancellationToken))
        {
            // A file that waited in the ledger is decided by the release's rule even when another delivery (the
            // watcher's poll, a redelivered event) reaches it first: only the newest waiting file runs.
            return known?.State == LandingState.Waiting ? await this.AdmitByReleaseAsync(blob, known, cancellationToken) : LandingAdmission.Admitted;
        }

        LandedFile waiting = known ?? await this.AddAsync(this.New(blob, LandingState.Waiting) with
        {
            Reason = $"project '{blob.Project}' has no registered spec yet; the newest waiting file runs once POST /api/projects/{blob.Project}/spec registers one",
        }, cancellationToken);

        // A registration that completed between the check above and this record released the files it found, which did
        // not include this one: look again rather than wait for a release that will not come.
        return await this.RegisteredAsync(blob.Project, cancellationToken)
            ? await this.AdmitByReleaseAsync(blob, waiting, cancellationToken)
            : new LandingAdmission(false, waiting);
    }

    public async Task RecordStartedAsync(LandingBlob blob, string instanceId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(blob);
        LandedFile started = (await this.GetAsync(blob, cancellationToken) ?? this.New(blob, LandingState.Started)) with
        {
            State = LandingState.Started,
            InstanceId = instanceId,
            Reason = null,
            UpdatedAt = clock.GetUtcNow(),
        };
        TableClient client = await this.table.GetAsync(cancellationToken);
        await client.UpsertEntityAsync(ToEntity(started), TableUpdateMode.Replace, cancellationToken);
    }

    public async Task<LandedFile?> TakeNewestWaitingAsync(string project, CancellationToken cancellationToken = default)
    {
        TableClient client = await this.table.GetAsync(cancellationToken);
        var waiting = new List<(LandedFile File, ETag ETag)>();
        await foreach (TableEntity row in client.QueryAsync<TableEntity>(Partition(project), cancellationToken: cancellationToken))
        {
            LandedFile file = FromEntity(row);
            if (file.State == LandingState.Waiting)
            {
                waiting.Add((file, row.ETag));
            }
        }

        if (waiting.Count == 0)
        {
            return null;
        }

        (LandedFile newest, _) = waiting.OrderByDescending(w => w.File.LandedAt).ThenByDescending(w => w.File.Blob, StringComparer.Ordinal).First();
        foreach ((LandedFile older, ETag etag) in waiting.Where(w => !ReferenceEquals(w.File, newest)))
        {
            LandedFile superseded = older with
            {
                State = LandingState.Superseded,
                Reason = $"a newer waiting file, '{newest.Blob}', was run when the spec was registered; land this one again to run it",
                UpdatedAt = clock.GetUtcNow(),
            };
            try
            {
                await client.UpdateEntityAsync(ToEntity(superseded), etag, TableUpdateMode.Replace, cancellationToken);
            }
            catch (RequestFailedException ex) when (ex.Status == 412)
            {
                // Started or superseded by a concurrent release in the meantime: its newer state stands.
            }
        }

        return newest;
    }

    public async Task<IReadOnlyList<LandedFile>> ListAsync(string project, CancellationToken cancellationToken = default)
    {
        TableClient client = await this.table.GetAsync(cancellationToken);
        var files = new List<LandedFile>();
        await foreach (TableEntity row in client.QueryAsync<TableEntity>(Partition(project), cancellationToken: cancellationToken))
        {
            files.Add(FromEntity(row));
        }

        return [.. files.OrderByDescending(f => f.LandedAt).ThenBy(f => f.Blob, StringComparer.Ordinal)];
    }

    /// <summary>
    /// Applies the release (newest waiting file runs, the others are superseded) for a registered project and admits
    /// this blob only when it is the one that runs; starting it twice is harmless, since its instance id is its own.
    /// </summary>
    private async Task<LandingAdmission> AdmitByReleaseAsync(LandingBlob blob, LandedFile waiting, CancellationToken cancellationToken)
    {
        LandedFile? newest = await this.TakeNewestWaitingAsync(blob.Project, cancellationToken);
        if (newest is not null && Row(newest.ToBlob(BlobContainers.Landing)) == Row(blob))
        {
            return LandingAdmission.Admitted;
        }

        LandedFile now = await this.GetAsync(blob, cancellationToken) ?? waiting;
        return now.State == LandingState.Started ? LandingAdmission.Admitted : new LandingAdmission(false, now);
    }

    private static string Partition(string project) =>
        TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.Escape(project)}");

    private static string Row(LandingBlob blob) => ContentHash.Sha256($"{blob.Name}|{blob.ETag.Trim('"')}")[..40];

    private static TableEntity ToEntity(LandedFile file) =>
        new(TableKeys.Escape(file.Project), Row(new LandingBlob(BlobContainers.Landing, file.Blob, file.ETag)))
        {
            ["Json"] = DataEngineeringJson.Serialize(file),
            ["State"] = file.State.ToString(),
        };

    private static LandedFile FromEntity(TableEntity row) => DataEngineeringJson.Deserialize<LandedFile>(row.GetString("Json"));

    private LandedFile New(LandingBlob blob, LandingState state)
    {
        DateTimeOffset now = clock.GetUtcNow();
        return new LandedFile { Project = blob.Project, Blob = blob.Name, ETag = blob.ETag, Length = blob.Length, LandedAt = now, UpdatedAt = now, State = state };
    }

    private async Task<bool> RegisteredAsync(string project, CancellationToken cancellationToken) =>
        await projects.GetAsync(project, cancellationToken: cancellationToken) is not null;

    private async Task<LandedFile?> GetAsync(LandingBlob blob, CancellationToken cancellationToken)
    {
        TableClient client = await this.table.GetAsync(cancellationToken);
        NullableResponse<TableEntity> found = await client.GetEntityIfExistsAsync<TableEntity>(
            TableKeys.Escape(blob.Project), Row(blob), cancellationToken: cancellationToken);
        return found.HasValue ? FromEntity(found.Value!) : null;
    }

    private async Task<LandedFile> AddAsync(LandedFile file, CancellationToken cancellationToken)
    {
        TableClient client = await this.table.GetAsync(cancellationToken);
        try
        {
            await client.AddEntityAsync(ToEntity(file), cancellationToken);
            return file;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            // Another delivery of the same blob version recorded it first: theirs stands.
            return await this.GetAsync(file.ToBlob(BlobContainers.Landing), cancellationToken) ?? file;
        }
    }
}
