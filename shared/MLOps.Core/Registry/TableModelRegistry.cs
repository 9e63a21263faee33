using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Logging;
using MLOps.Core.Audit;
using MLOps.Core.Events;
using MLOps.Core.Lineage;
using MLOps.Core.Storage;

namespace MLOps.Core.Registry;

/// <summary>
/// The model registry on Table storage (<see cref="RegistryTableLayout"/>) with artifacts in the <c>models</c>
/// container under <c>{project}/{name}/{version}/</c>. Versions are numbered by create-if-absent of the next
/// number in the same transaction as the run's index row, as <see cref="ModelVersionState.Staged"/>: the package
/// is written under the staging prefix and the version becomes visible only when
/// <see cref="CommitVersionAsync"/> has moved every file into place and flipped its state by an ETag-conditional
/// write (<c>TableModelRegistry.Package.cs</c>). Aliases move by ETag-conditional writes that also pin the target
/// version's row (<c>TableModelRegistry.Aliases.cs</c>). Every state change is audited under a deterministic event
/// id, on the retry path too, so a crash between a write and its audit record is repaired by the retry; lineage
/// edges are upserts. A committed version is announced as <see cref="PlatformEventTypes.ModelRegistered"/>, which
/// starts its continuous integration.
/// </summary>
public sealed partial class TableModelRegistry(
    TableServiceClient tables,
    BlobServiceClient blobs,
    IAuditLog audit,
    LineageStore lineage,
    IApprovalPolicySource policies,
    IPlatformEventPublisher events,
    TimeProvider clock,
    ILogger<TableModelRegistry> logger) : IModelRegistry
{
    public const string ArtifactContainer = "models";

    private const int MaxAttempts = 16;

    private readonly EnsuredTable table = new(tables.GetTableClient(RegistryTableLayout.TableName));


    public async Task<RegisteredModel> CreateModelAsync(string project, string name, string? description = null, CancellationToken cancellationToken = default)
    {
        ModelAliases.ValidateModelName(name);
        TableClient client = await this.TableAsync(cancellationToken);
        var model = new RegisteredModel(name, project, description, clock.GetUtcNow());
        try
        {
            await client.AddEntityAsync(
                new TableEntity(RegistryTableLayout.Partition(project), RegistryTableLayout.ModelRow(name))
                {
                    ["Name"] = name,
                    ["Project"] = project,
                    ["Description"] = description,
                    ["CreatedAt"] = model.CreatedAt,
                },
                cancellationToken);
            return model;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return await this.GetModelAsync(project, name, cancellationToken) ?? model;
        }
    }

    public async Task<RegisteredModel?> GetModelAsync(string project, string name, CancellationToken cancellationToken = default)
    {
        TableEntity? row = await this.GetRowAsync(project, RegistryTableLayout.ModelRow(name), cancellationToken);
        return row is null
            ? null
            : new RegisteredModel(row.GetString("Name"), row.GetString("Project"), row.GetString("Description"), row.GetDateTimeOffset("CreatedAt") ?? default);
    }

    public async Task<ModelVersion> RegisterVersionAsync(ModelVersionRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.RunId);
        await this.CreateModelAsync(request.Project, request.Name, request.Description, cancellationToken);
        TableClient client = await this.TableAsync(cancellationToken);
        string partition = RegistryTableLayout.Partition(request.Project);
        string runRow = RegistryTableLayout.RunRow(request.Name, request.RunId);
        for (int attempt = 1; ; attempt++)
        {
            if (await this.GetRowAsync(request.Project, runRow, cancellationToken) is { } existing)
            {
                // A retried registration: the run keeps the number it was given, committed or not.
                int number = existing.GetInt32("Version") ?? 0;
                return (await this.GetVersionRowAsync(request.Project, request.Name, number, cancellationToken)) is { } row
                    ? RegistryTableLayout.VersionFrom(row)
                    : throw new InvalidOperationException($"Run index '{runRow}' points at a missing version.");
            }

            IReadOnlyList<ModelVersion> versions = await this.ListAllVersionsAsync(request.Project, request.Name, cancellationToken);
            int next = versions.Count == 0 ? 1 : versions[^1].Version + 1;
            ModelVersion version = NewVersion(request, next, clock.GetUtcNow());
            try
            {
                // Both rows or neither: a number is never taken without its run, nor a run indexed without its version.
                await client.SubmitTransactionAsync(
                    [
                        new TableTransactionAction(TableTransactionActionType.Add, RegistryTableLayout.ToEntity(version)),
                        new TableTransactionAction(TableTransactionActionType.Add, new TableEntity(partition, runRow) { ["Version"] = next }),
                    ],
                    cancellationToken);
                return version;
            }
            catch (RequestFailedException ex) when (ex.Status == 409 && attempt < MaxAttempts)
            {
                // Another registration took this number, or registered this run: look again.
            }
        }
    }

    /// <summary>A committed version with its package's build state; null when there is none, or while it is still staged.</summary>
    public async Task<ModelVersion?> GetVersionAsync(string project, string name, int version, CancellationToken cancellationToken = default) =>
        await this.GetVersionRowAsync(project, name, version, cancellationToken) is { } row
        && RegistryTableLayout.VersionFrom(row) is { State: ModelVersionState.Committed } committed
            ? await this.WithPackageAsync(committed, cancellationToken)
            : null;

    /// <summary>The committed versions in order, each with its package's build state; staged ones are not listed.</summary>
    public async Task<IReadOnlyList<ModelVersion>> ListVersionsAsync(string project, string name, CancellationToken cancellationToken = default)
    {
        Dictionary<int, PackageBuild> builds = await this.PackageBuildsAsync(project, name, cancellationToken);
        return
        [
            .. (await this.ListAllVersionsAsync(project, name, cancellationToken))
                .Where(v => v.State == ModelVersionState.Committed)
                .Select(v => builds.TryGetValue(v.Version, out PackageBuild? build) ? v with { Package = build } : v),
        ];
    }

    public async Task<ModelVersion> ResolveAsync(string project, string modelUri, CancellationToken cancellationToken = default)
    {
        ModelUri uri = ModelUri.Parse(modelUri);
        int version = uri.Version
            ?? (await this.GetRowAsync(project, RegistryTableLayout.AliasRow(uri.Name, uri.Alias!), cancellationToken))?.GetInt32("Version")
            ?? throw new KeyNotFoundException($"{modelUri} is not set in project '{project}'.");
        return await this.GetVersionAsync(project, uri.Name, version, cancellationToken)
            ?? throw new KeyNotFoundException($"{modelUri} (version {version}) does not exist in project '{project}'.");
    }

    public async Task<VersionComparison> CompareVersionsAsync(string project, string name, int first, int second, CancellationToken cancellationToken = default)
    {
        ModelVersion a = await this.RequireVersionAsync(project, name, first, cancellationToken);
        ModelVersion b = await this.RequireVersionAsync(project, name, second, cancellationToken);
        MetricDelta[] metrics =
        [
            .. a.Metrics.Keys.Union(b.Metrics.Keys).Order(StringComparer.Ordinal)
                .Select(k => new MetricDelta(k, a.Metrics.TryGetValue(k, out double x) ? x : null, b.Metrics.TryGetValue(k, out double y) ? y : null)),
        ];
        (string Field, string? First, string? Second)[] fields =
        [
            ("RunId", a.RunId, b.RunId),
            ("FeatureSetVersion", a.FeatureSetVersion.ToString(System.Globalization.CultureInfo.InvariantCulture), b.FeatureSetVersion.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("FeatureSetSha256", a.FeatureSetSha256, b.FeatureSetSha256),
            ("DataSha256", a.DataSha256, b.DataSha256),
            ("SpecSha256", a.SpecSha256, b.SpecSha256),
        ];
        HashSet<string> upstreamA = await this.UpstreamAsync(a, cancellationToken);
        HashSet<string> upstreamB = await this.UpstreamAsync(b, cancellationToken);
        return new VersionComparison(
            name,
            first,
            second,
            metrics,
            [.. fields.Where(f => !string.Equals(f.First, f.Second, StringComparison.Ordinal)).Select(f => new FieldDifference(f.Field, f.First, f.Second))],
            [.. upstreamA.Except(upstreamB).Order(StringComparer.Ordinal)],
            [.. upstreamB.Except(upstreamA).Order(StringComparer.Ordinal)]);
    }

    internal static string ArtifactPrefix(string project, string name, int version) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{project}/{name}/{version}/");

    private static ModelVersion NewVersion(ModelVersionRequest request, int number, DateTimeOffset now) => new()
    {
        Project = request.Project,
        Name = request.Name,
        Version = number,
        RunId = request.RunId,
        FeatureSetVersion = request.FeatureSetVersion,
        FeatureSetSha256 = request.FeatureSetSha256,
        DataSha256 = request.DataSha256,
        SpecSha256 = request.SpecSha256,
        ArtifactUri = ArtifactContainer + "/" + ArtifactPrefix(request.Project, request.Name, number),
        Metrics = request.Metrics,
        DecisionThreshold = request.DecisionThreshold,
        CreatedAt = now,
        CreatedBy = request.CreatedBy,
        State = ModelVersionState.Staged,
    };

    private async Task RecordLineageAsync(ModelVersion version, CancellationToken cancellationToken)
    {
        LineageNode model = LineageNode.ModelVersion(version.Project, version.Name, version.Version);
        await lineage.RecordAsync(
            [
                new LineageEdge(LineageNode.FeatureSetVersion(version.Project, version.FeatureSetVersion), model, LineageRelations.TrainedOn, version.CreatedAt,
                    new Dictionary<string, string>(StringComparer.Ordinal) { ["sha256"] = version.FeatureSetSha256 }),
                new LineageEdge(LineageNode.Run(version.Project, version.RunId), model, LineageRelations.ProducedBy, version.CreatedAt),
            ],
            cancellationToken);
    }

    private async Task<HashSet<string>> UpstreamAsync(ModelVersion version, CancellationToken cancellationToken)
    {
        IReadOnlyList<LineageEdge> edges = await lineage.UpstreamAsync(LineageNode.ModelVersion(version.Project, version.Name, version.Version), cancellationToken: cancellationToken);
        return [.. edges.Select(e => e.From.ToString())];
    }

    private async Task<ModelVersion> RequireVersionAsync(string project, string name, int version, CancellationToken cancellationToken) =>
        await this.GetVersionAsync(project, name, version, cancellationToken)
        ?? throw new KeyNotFoundException($"{ModelUri.ForVersion(name, version)} does not exist in project '{project}'.");

    /// <summary>Every version row, staged ones included: numbering and retries need them, readers do not see them.</summary>
    private async Task<IReadOnlyList<ModelVersion>> ListAllVersionsAsync(string project, string name, CancellationToken cancellationToken)
    {
        var versions = new List<ModelVersion>();
        await foreach (TableEntity row in this.RangeAsync(project, RegistryTableLayout.VersionPrefix(name), cancellationToken))
        {
            versions.Add(RegistryTableLayout.VersionFrom(row));
        }

        return versions;
    }

    private Task<TableEntity?> GetVersionRowAsync(string project, string name, int version, CancellationToken cancellationToken) =>
        this.GetRowAsync(project, RegistryTableLayout.VersionRow(name, version), cancellationToken);

    private async IAsyncEnumerable<TableEntity> RangeAsync(
        string project, string prefix, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        TableClient client = await this.TableAsync(cancellationToken);
        string partition = RegistryTableLayout.Partition(project);
        string upper = RegistryTableLayout.UpperBound(prefix);
        await foreach (TableEntity row in client.QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {prefix} and RowKey lt {upper}"),
            cancellationToken: cancellationToken))
        {
            yield return row;
        }
    }

    private async Task<TableEntity?> GetRowAsync(string project, string rowKey, CancellationToken cancellationToken)
    {
        TableClient client = await this.TableAsync(cancellationToken);
        NullableResponse<TableEntity> found = await client.GetEntityIfExistsAsync<TableEntity>(
            RegistryTableLayout.Partition(project), rowKey, cancellationToken: cancellationToken);
        return found.HasValue ? found.Value : null;
    }

    private Task<TableClient> TableAsync(CancellationToken cancellationToken) => this.table.GetAsync(cancellationToken);
}
