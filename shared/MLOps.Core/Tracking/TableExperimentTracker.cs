using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using MLOps.Core.Storage;

namespace MLOps.Core.Tracking;

/// <summary>
/// Experiment tracking on Table storage (one row per run, <see cref="RunTableLayout"/>) and Blob storage
/// (artifacts in the <c>experiments</c> container). Row updates are read-modify-write under the row's ETag and
/// retried when another writer got in between, so concurrent loggers never lose each other's keys; an update that
/// changes nothing writes nothing. A finished run (Completed, Stopped, Failed) is write-once: its status, end
/// time and every value it recorded are never replaced — a re-executed activity that logs to it again changes
/// nothing — and later steps may only add keys it does not have (the candidate's holdout metrics and artifacts on
/// the best trial's run). An artifact is committed when the run lists it; a listed artifact is never rewritten.
/// </summary>
public sealed class TableExperimentTracker(TableServiceClient tables, BlobServiceClient blobs, TimeProvider? clock = null) : IExperimentTracker
{
    public const string ArtifactContainer = "experiments";

    private const int MaxAttempts = 8;

    private readonly EnsuredTable table = new(tables.GetTableClient(RunTableLayout.TableName));

    private readonly TimeProvider time = clock ?? TimeProvider.System;


    public async Task<RunRecord> StartRunAsync(RunStart start, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(start);
        ArgumentException.ThrowIfNullOrWhiteSpace(start.RunId);
        ArgumentException.ThrowIfNullOrWhiteSpace(start.Experiment);
        TableClient client = await this.TableAsync(cancellationToken);
        RunEnvironment environment = start.Environment ?? RunEnvironment.Capture();
        var run = new RunRecord
        {
            Project = start.Project,
            Experiment = start.Experiment,
            RunId = start.RunId,
            Status = RunStatus.Running,
            StartTime = this.time.GetUtcNow(),
            Algorithm = start.Algorithm,
            Seed = start.Seed,
            FeatureSetVersion = start.FeatureSetVersion,
            FeatureSetSha256 = start.FeatureSetSha256,
            CodeVersion = environment.GitCommit is null ? environment.CodeVersion : $"{environment.CodeVersion}+{environment.GitCommit}",
            Parameters = start.Parameters ?? new Dictionary<string, string>(),
            Tags = start.Tags ?? new Dictionary<string, string>(),
            Environment = environment,
        };
        try
        {
            await client.AddEntityAsync(RunTableLayout.ToEntity(run), cancellationToken);
            return run;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            // A retry: keep what the first attempt logged; a run that already finished stays as it finished.
            return await this.UpdateAsync(start.Project, start.RunId, r => IsFinished(r) ? r : r with
            {
                Parameters = Merge(r.Parameters, run.Parameters, keepExisting: false),
                Tags = Merge(r.Tags, run.Tags, keepExisting: false),
            }, cancellationToken);
        }
    }

    public Task<RunRecord> LogParametersAsync(string project, string runId, IReadOnlyDictionary<string, string> parameters, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return this.UpdateAsync(project, runId, r => r with { Parameters = Merge(r.Parameters, parameters, IsFinished(r)) }, cancellationToken);
    }

    public Task<RunRecord> SetTagsAsync(string project, string runId, IReadOnlyDictionary<string, string> tags, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tags);
        return this.UpdateAsync(project, runId, r => r with { Tags = Merge(r.Tags, tags, IsFinished(r)) }, cancellationToken);
    }

    public Task<RunRecord> LogMetricsAsync(
        string project, string runId, IReadOnlyDictionary<string, double> metrics, long? step = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        DateTimeOffset now = this.time.GetUtcNow();
        return this.UpdateAsync(project, runId, r =>
        {
            bool finished = IsFinished(r);
            if (step is not { } s)
            {
                return r with { Metrics = Merge(r.Metrics, metrics, finished) };
            }

            var history = new Dictionary<string, IReadOnlyList<MetricPoint>>(r.MetricHistory, StringComparer.Ordinal);
            foreach ((string key, double value) in metrics)
            {
                // Logging a step again (a retry) replaces it rather than adding a duplicate point; a finished run's points stay.
                IReadOnlyList<MetricPoint> points = history.GetValueOrDefault(key) ?? [];
                if (!(finished && points.Any(p => p.Step == s)))
                {
                    history[key] = [.. points.Where(p => p.Step != s).Append(new MetricPoint(s, value, now)).OrderBy(p => p.Step)];
                }
            }

            return r with { Metrics = Merge(r.Metrics, metrics, finished), MetricHistory = history };
        }, cancellationToken);
    }

    public async Task<string> LogArtifactAsync(string project, string runId, string path, BinaryData content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        using Stream stream = content.ToStream();
        return await this.LogArtifactAsync(project, runId, path, stream, cancellationToken);
    }

    public async Task<string> LogArtifactAsync(string project, string runId, string path, Stream content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        string relative = NormalizePath(path);
        RunRecord run = await this.GetRunAsync(project, runId, cancellationToken) ?? throw NotFound(project, runId);
        string name = ArtifactBlobName(run, relative);
        if (run.Artifacts.Contains(relative, StringComparer.Ordinal))
        {
            // Committed before (a re-executed step): never rewritten.
            return name;
        }

        BlobContainerClient container = blobs.GetBlobContainerClient(ArtifactContainer);
        await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);

        // Not listed means not committed: an earlier attempt's blob may be overwritten. One upload commits the whole
        // blob or nothing; listing it in the run (under the row's ETag) is the commit that makes it readable.
        await container.GetBlobClient(name).UploadAsync(content, overwrite: true, cancellationToken);
        await this.UpdateAsync(project, runId, r => r.Artifacts.Contains(relative, StringComparer.Ordinal)
            ? r
            : r with { Artifacts = [.. r.Artifacts, relative] }, cancellationToken);
        return name;
    }

    public async Task<BinaryData?> ReadArtifactAsync(string project, string runId, string path, CancellationToken cancellationToken = default)
    {
        RunRecord? run = await this.GetRunAsync(project, runId, cancellationToken);
        string relative = NormalizePath(path);
        if (run is null || !run.Artifacts.Contains(relative, StringComparer.Ordinal))
        {
            // Unknown run, or an artifact never committed (an upload a crash left unlisted).
            return null;
        }

        try
        {
            BlobDownloadResult result = await blobs.GetBlobContainerClient(ArtifactContainer)
                .GetBlobClient(ArtifactBlobName(run, relative)).DownloadContentAsync(cancellationToken);
            return result.Content;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    public Task<RunRecord> EndRunAsync(string project, string runId, RunStatus status, CancellationToken cancellationToken = default)
    {
        if (status == RunStatus.Running)
        {
            throw new ArgumentException("A run ends as Completed, Failed or Stopped.", nameof(status));
        }

        DateTimeOffset now = this.time.GetUtcNow();

        // A run ends once: ending it again (a retry, or a duplicate execution) keeps the first status and end time.
        return this.UpdateAsync(project, runId, r => IsFinished(r) ? r : r with { Status = status, EndTime = now }, cancellationToken);
    }

    public async Task<RunRecord?> GetRunAsync(string project, string runId, CancellationToken cancellationToken = default) =>
        (await this.GetEntityAsync(project, runId, cancellationToken)) is { } row ? RunTableLayout.FromEntity(row) : null;

    public async Task<IReadOnlyList<RunRecord>> SearchRunsAsync(string project, RunFilter? filter = null, CancellationToken cancellationToken = default)
    {
        filter ??= new RunFilter();
        TableClient client = await this.TableAsync(cancellationToken);
        string query = TableClient.CreateQueryFilter($"PartitionKey eq {RunTableLayout.Partition(project)}");
        if (filter.Experiment is { } experiment)
        {
            query += " and " + TableClient.CreateQueryFilter($"Experiment eq {experiment}");
        }

        if (filter.Status is { } status)
        {
            query += " and " + TableClient.CreateQueryFilter($"Status eq {status.ToString()}");
        }

        if (filter.Algorithm is { } algorithm)
        {
            query += " and " + TableClient.CreateQueryFilter($"Algorithm eq {algorithm}");
        }

        var runs = new List<RunRecord>();
        await foreach (TableEntity row in client.QueryAsync<TableEntity>(query, cancellationToken: cancellationToken))
        {
            runs.Add(RunTableLayout.FromEntity(row));
        }

        return RunQuery.Apply(runs, filter);
    }

    public async Task<RunComparison> CompareRunsAsync(string project, IReadOnlyList<string> runIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(runIds);
        var runs = new List<RunRecord>();
        foreach (string runId in runIds)
        {
            runs.Add(await this.GetRunAsync(project, runId, cancellationToken) ?? throw NotFound(project, runId));
        }

        var parameters = new SortedDictionary<string, IReadOnlyList<string?>>(StringComparer.Ordinal);
        foreach (string key in runs.SelectMany(r => r.Parameters.Keys).Distinct())
        {
            parameters[key] = [.. runs.Select(r => r.Parameters.GetValueOrDefault(key))];
        }

        var metrics = new SortedDictionary<string, IReadOnlyList<double?>>(StringComparer.Ordinal);
        foreach (string key in runs.SelectMany(r => r.Metrics.Keys).Distinct())
        {
            metrics[key] = [.. runs.Select(r => r.Metrics.TryGetValue(key, out double v) ? v : (double?)null)];
        }

        return new RunComparison([.. runIds], parameters, metrics);
    }

    public async Task<RunRecord?> BestRunAsync(string project, string experiment, string metric, bool higherIsBetter = true, CancellationToken cancellationToken = default)
    {
        try
        {
            IReadOnlyList<RunRecord> runs = await this.SearchRunsAsync(
                project,
                new RunFilter { Experiment = experiment, Status = RunStatus.Completed, OrderBy = metric, Descending = higherIsBetter },
                cancellationToken);
            return runs.FirstOrDefault(r => RunQuery.ValueOf(r, metric) is { } v && !double.IsNaN(v));
        }
        catch (UnknownRunValueException)
        {
            // "None has it" is this method's answer for a metric no run logged.
            return null;
        }
    }

    internal static string ArtifactBlobName(RunRecord run, string relativePath) =>
        $"{run.Project}/{run.Experiment}/{run.RunId}/{relativePath}";

    private static string NormalizePath(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string normalized = path.Replace('\\', '/').Trim('/');
        if (normalized.Split('/').Any(segment => segment is "" or "." or ".."))
        {
            throw new ArgumentException($"The artifact path '{path}' must be relative, without empty, '.' or '..' segments.", nameof(path));
        }

        return normalized;
    }

    private static bool IsFinished(RunRecord run) => run.Status != RunStatus.Running;

    /// <summary>The updates over the existing values; with <paramref name="keepExisting"/> (a finished run) only absent keys are added.</summary>
    private static Dictionary<string, TValue> Merge<TValue>(
        IReadOnlyDictionary<string, TValue> existing, IReadOnlyDictionary<string, TValue> updates, bool keepExisting)
    {
        var merged = new Dictionary<string, TValue>(existing, StringComparer.Ordinal);
        foreach ((string key, TValue value) in updates)
        {
            if (!keepExisting || !merged.ContainsKey(key))
            {
                merged[key] = value;
            }
        }

        return merged;
    }

    private static RunNotFoundException NotFound(string project, string runId) =>
        new($"Run '{runId}' of project '{project}' was never started; call StartRunAsync first.");

    private async Task<RunRecord> UpdateAsync(string project, string runId, Func<RunRecord, RunRecord> change, CancellationToken cancellationToken)
    {
        TableClient client = await this.TableAsync(cancellationToken);
        for (int attempt = 1; ; attempt++)
        {
            TableEntity row = await this.GetEntityAsync(project, runId, cancellationToken) ?? throw NotFound(project, runId);
            RunRecord current = RunTableLayout.FromEntity(row);
            RunRecord next = change(current);
            if (ReferenceEquals(next, current) || RunTableLayout.SameContent(current, next))
            {
                // Nothing changes: no write, so the row (and its ETag) stays as it is.
                return current;
            }

            try
            {
                await client.UpdateEntityAsync(RunTableLayout.ToEntity(next), row.ETag, TableUpdateMode.Replace, cancellationToken);
                return next;
            }
            catch (RequestFailedException ex) when (ex.Status == 412 && attempt < MaxAttempts)
            {
                // Another logger changed the row since it was read: read it again and reapply.
            }
        }
    }

    private async Task<TableEntity?> GetEntityAsync(string project, string runId, CancellationToken cancellationToken)
    {
        TableClient client = await this.TableAsync(cancellationToken);
        NullableResponse<TableEntity> found = await client.GetEntityIfExistsAsync<TableEntity>(
            RunTableLayout.Partition(project), RunTableLayout.Row(runId), cancellationToken: cancellationToken);
        return found.HasValue ? found.Value : null;
    }

    private Task<TableClient> TableAsync(CancellationToken cancellationToken) => this.table.GetAsync(cancellationToken);
}
