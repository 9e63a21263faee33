using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Logging.Abstractions;
using MLOps.Core.Audit;
using MLOps.Core.Events;
using MLOps.Core.Lineage;
using MLOps.Core.Registry;
using MLOps.Core.Registry.Mlflow;
using MLOps.Core.Requirements;
using MLOps.Core.Security;
using MLOps.IntegrationTests.Infrastructure;

namespace MLOps.IntegrationTests.Registry;

[Collection(StorageCollection.Name)]
public sealed class TableModelRegistryTests(AzuriteFixture storage) : IDisposable
{
    private readonly BlobServiceClient blobs = new(storage.ConnectionString);
    private readonly TableServiceClient tables = new(storage.ConnectionString);
    private readonly Policies policies = new();
    private readonly BlobAuditLog audit = NewAuditLog(new BlobServiceClient(storage.ConnectionString));
    private readonly string project = "reg" + Guid.NewGuid().ToString("N")[..8];

    private readonly RecordingPublisher events = new();

    private TableModelRegistry Registry => new(
        this.tables, this.blobs, this.audit, new LineageStore(this.tables), this.policies, this.events, TimeProvider.System, NullLogger<TableModelRegistry>.Instance);

    [Fact]
    public async Task Versions_count_from_1_and_re_registering_a_run_returns_its_version()
    {
        TableModelRegistry registry = this.Registry;

        ModelVersion first = await registry.RegisterAsync(this.Request("run-1"));
        ModelVersion second = await registry.RegisterAsync(this.Request("run-2"));
        ModelVersion again = await registry.RegisterVersionAsync(this.Request("run-1"));
        ModelVersion[] racing = await Task.WhenAll(Enumerable.Range(3, 4).Select(i => this.Registry.RegisterAsync(this.Request($"run-{i}"))));

        Assert.Equal((1, 2, 1), (first.Version, second.Version, again.Version));
        Assert.Equal((first.CreatedAt, ModelVersionState.Committed), (again.CreatedAt, again.State));
        Assert.Equal([3, 4, 5, 6], racing.Select(v => v.Version).Order());
        Assert.Equal(6, (await registry.ListVersionsAsync(this.project, "churn")).Count);
        Assert.Equal($"models/{this.project}/churn/1/", first.ArtifactUri);
        Assert.NotNull(await registry.GetModelAsync(this.project, "churn"));
        IReadOnlyList<LineageEdge> upstream = await new LineageStore(this.tables).UpstreamAsync(LineageNode.ModelVersion(this.project, "churn", 1), maxDepth: 1);
        Assert.Contains(upstream, e => e.Relation == LineageRelations.TrainedOn && e.From == LineageNode.FeatureSetVersion(this.project, 4));
        Assert.Contains(upstream, e => e.Relation == LineageRelations.ProducedBy && e.From == LineageNode.Run(this.project, "run-1"));
        IReadOnlyList<AuditRecord> registered = [.. (await this.AuditAsync()).Where(r => r.Action == "registry.version.register")];
        Assert.Equal(6, registered.Count);
        Assert.Equal(Enumerable.Range(1, 6).Select(v => $"registry/{this.project}/churn/v{v}/registered"), registered.Select(r => r.EventId!).Order(StringComparer.Ordinal));

        // Each commit announces the version with the continuous-integration pipeline's input as its data.
        PlatformEvent announced = Assert.Single(this.events.Published, e => e.Subject == $"projects/{this.project}/models/churn/versions/1");
        Assert.Equal((PlatformEventTypes.ModelRegistered, $"registry/{this.project}/churn/v1/registered"), (announced.Type, announced.Id));
        Assert.Equal(new ModelRegisteredEvent(this.project, "churn", 1), announced.Data);
        Assert.Equal(6, this.events.Published.Count(e => e.Type == PlatformEventTypes.ModelRegistered));
    }

    [Fact]
    public async Task A_version_stays_invisible_until_its_whole_package_is_committed_and_a_retry_converges_on_its_number()
    {
        this.policies.Tier = RiskTier.Low;
        TableModelRegistry registry = this.Registry;
        ModelVersion staged = await registry.RegisterVersionAsync(this.Request("run-1"));

        // A registration that fails half-way: the card is written, the activity dies before the package is.
        await registry.WriteModelCardAsync(CommittedVersions.Card(staged));
        InvalidOperationException incomplete = await Assert.ThrowsAsync<InvalidOperationException>(() => registry.CommitVersionAsync(this.project, "churn", 1));

        Assert.Equal(ModelVersionState.Staged, staged.State);
        Assert.Contains("model.onnx", incomplete.Message, StringComparison.Ordinal);
        await this.AssertInvisibleAsync(registry, 1);

        // The activity is delivered again: the same number, never a second version; with a whole package it commits.
        ModelVersion retried = await registry.RegisterVersionAsync(this.Request("run-1"));
        await registry.WriteArtifactsAsync(this.project, "churn", retried.Version, CommittedVersions.Package());
        await registry.WriteModelCardAsync(CommittedVersions.Card(retried));
        ModelVersion committed = await registry.CommitVersionAsync(this.project, "churn", retried.Version);
        ModelVersion recommitted = await registry.CommitVersionAsync(this.project, "churn", retried.Version);

        Assert.Equal((1, ModelVersionState.Committed), (retried.Version, committed.State));
        Assert.Equal(committed.CommittedAt, recommitted.CommittedAt);
        Assert.Equal([1], (await registry.ListVersionsAsync(this.project, "churn")).Select(v => v.Version));
        Assert.Equal(1, (await registry.ResolveAsync(this.project, "models:/churn/1")).Version);
        Assert.Contains("Keep customers.", await registry.ReadModelCardAsync(this.project, "churn", 1), StringComparison.Ordinal);
        Assert.Equal(1, (await registry.MoveAliasAsync(this.project, "churn", ModelAliases.Champion, 1, "ops")).ToVersion);
        Assert.Equal(TableModelRegistry.PackageFiles.Order(StringComparer.Ordinal), (await this.NamesAsync($"{this.project}/churn/1/")).Order(StringComparer.Ordinal));
        Assert.Empty(await this.NamesAsync($"_staging/{this.project}/"));
        Assert.Single(await this.AuditAsync(), r => r.Action == "registry.version.register");

        // The retried commit announces the version again under the same id, which the webhook ignores as a redelivery.
        Assert.Equal(2, this.events.Published.Count);
        Assert.Single(this.events.Published.Select(e => e.Id).Distinct());
    }

    [Fact]
    public async Task A_crash_between_a_registry_write_and_its_audit_record_is_repaired_by_the_retry()
    {
        var flaky = new FailingOnce(this.audit);
        var registry = new TableModelRegistry(
            this.tables, this.blobs, flaky, new LineageStore(this.tables), this.policies, this.events, TimeProvider.System, NullLogger<TableModelRegistry>.Instance);
        ModelVersion staged = await registry.RegisterVersionAsync(this.Request("run-1"));
        await registry.WriteArtifactsAsync(this.project, "churn", 1, CommittedVersions.Package());
        await registry.WriteModelCardAsync(CommittedVersions.Card(staged));

        // The commit and the alias move write, then "crash" before their audit records; the retried activity repeats them.
        flaky.FailNext();
        await Assert.ThrowsAsync<IOException>(() => registry.CommitVersionAsync(this.project, "churn", 1));
        Assert.NotNull(await registry.GetVersionAsync(this.project, "churn", 1));
        await registry.CommitVersionAsync(this.project, "churn", 1);
        flaky.FailNext();
        await Assert.ThrowsAsync<IOException>(() => registry.MoveAliasAsync(this.project, "churn", ModelAliases.Challenger, 1, "ops", reason: "best"));
        AliasMove retried = await registry.MoveAliasAsync(this.project, "churn", ModelAliases.Challenger, 1, "ops", reason: "best");
        await registry.MoveAliasAsync(this.project, "churn", ModelAliases.Challenger, 1, "ops", reason: "best");

        IReadOnlyList<AuditRecord> records = await this.AuditAsync();
        Assert.Single(records, r => r.Action == "registry.version.register" && r.EventId == $"registry/{this.project}/churn/v1/registered");
        AuditRecord move = Assert.Single(records, r => r.Action == "registry.alias.move");
        Assert.Equal(($"registry/{this.project}/churn/alias/challenger/1", "v- -> v1: best"), (move.EventId, move.Outcome));
        Assert.Equal(1, retried.Sequence);
        Assert.True((await this.audit.VerifyAsync()).Intact);
    }

    [Fact]
    public async Task Aliases_move_resolve_and_roll_back_through_their_history()
    {
        TableModelRegistry registry = this.Registry;
        for (int i = 1; i <= 3; i++)
        {
            await registry.RegisterAsync(this.Request($"run-{i}"));
        }

        await registry.MoveAliasAsync(this.project, "churn", "challenger", 1, "alice");
        await registry.MoveAliasAsync(this.project, "churn", "challenger", 2, "alice");
        await registry.MoveAliasAsync(this.project, "churn", "challenger", 3, "alice", expectedCurrent: 2);
        AliasMove retried = await registry.MoveAliasAsync(this.project, "churn", "challenger", 3, "alice");
        ModelVersion resolved = await registry.ResolveAsync(this.project, "models:/churn@challenger");
        AliasMove back = await registry.RollbackAliasAsync(this.project, "churn", "challenger", "bob", "v3 regressed");
        AliasMove backAgain = await registry.RollbackAliasAsync(this.project, "churn", "challenger", "bob");

        Assert.Equal(3, resolved.Version);
        Assert.Equal(3, retried.Sequence);
        Assert.Equal((3, 2, true), (back.FromVersion, back.ToVersion, back.Rollback));
        Assert.Equal((2, 1), (backAgain.FromVersion, backAgain.ToVersion));
        Assert.Equal(1, (await registry.ResolveAsync(this.project, "models:/churn@challenger")).Version);
        Assert.Equal(2, (await registry.ResolveAsync(this.project, "models:/churn/2")).Version);
        Assert.Equal([1, 2, 3, 2, 1], (await registry.AliasHistoryAsync(this.project, "churn", "challenger")).Select(m => m.ToVersion));
        await Assert.ThrowsAsync<InvalidOperationException>(() => registry.RollbackAliasAsync(this.project, "churn", "challenger", "bob"));
        await Assert.ThrowsAsync<KeyNotFoundException>(() => registry.ResolveAsync(this.project, "models:/churn@shadow"));
        await Assert.ThrowsAsync<KeyNotFoundException>(() => registry.ResolveAsync(this.project, "models:/churn/9"));
        await Assert.ThrowsAsync<ArgumentException>(() => registry.MoveAliasAsync(this.project, "churn", "Bad_Alias", 1, "alice"));
        Assert.Contains(await this.AuditAsync(), r => r.Action == "registry.alias.rollback" && r.Actor == "bob");
    }

    [Fact]
    public async Task Two_simultaneous_alias_moves_one_wins_the_other_conflicts_and_both_are_audited()
    {
        TableModelRegistry setup = this.Registry;
        for (int i = 1; i <= 3; i++)
        {
            await setup.RegisterAsync(this.Request($"run-{i}"));
        }

        await setup.MoveAliasAsync(this.project, "churn", "challenger", 1, "ops");

        // Two hosts (two registry instances) both saw v1 and race to replace it.
        Task<AliasMove> alice = this.Registry.MoveAliasAsync(this.project, "churn", "challenger", 2, "alice", expectedCurrent: 1);
        Task<AliasMove> bob = this.Registry.MoveAliasAsync(this.project, "churn", "challenger", 3, "bob", expectedCurrent: 1);
        Exception?[] outcomes = await Task.WhenAll(Outcome(alice), Outcome(bob));

        Assert.Single(outcomes, o => o is null);
        Assert.IsType<AliasConflictException>(Assert.Single(outcomes, o => o is not null));
        string winner = outcomes[0] is null ? "alice" : "bob";
        string loser = winner == "alice" ? "bob" : "alice";
        Assert.Equal(winner == "alice" ? 2 : 3, (await setup.ResolveAsync(this.project, "models:/churn@challenger")).Version);
        Assert.Equal(2, (await setup.AliasHistoryAsync(this.project, "churn", "challenger")).Count);
        IReadOnlyList<AuditRecord> records = await this.AuditAsync();
        Assert.Single(records, r => r.Action == "registry.alias.move" && r.Actor == winner);
        Assert.Single(records, r => r.Action == "registry.alias.conflict" && r.Actor == loser);
        Assert.DoesNotContain(records, r => r.Action == "registry.alias.move" && r.Actor == loser);
        Assert.True((await this.audit.VerifyAsync()).Intact);
    }

    [Fact]
    public async Task Unconditional_racing_moves_either_commit_with_history_or_conflict()
    {
        TableModelRegistry setup = this.Registry;
        for (int i = 1; i <= 6; i++)
        {
            await setup.RegisterAsync(this.Request($"run-{i}"));
        }

        await setup.MoveAliasAsync(this.project, "churn", "shadow", 1, "ops");
        Exception?[] outcomes = await Task.WhenAll(Enumerable.Range(2, 5).Select(v => Outcome(this.Registry.MoveAliasAsync(this.project, "churn", "shadow", v, $"p{v}"))));

        IReadOnlyList<AliasMove> history = await setup.AliasHistoryAsync(this.project, "churn", "shadow");
        Assert.Equal(1 + outcomes.Count(o => o is null), history.Count);
        Assert.Equal(history[^1].ToVersion, (await setup.ResolveAsync(this.project, "models:/churn@shadow")).Version);
        Assert.Equal(outcomes.Count(o => o is not null), (await this.AuditAsync()).Count(r => r.Action == "registry.alias.conflict"));
    }

    [Fact]
    public async Task A_high_risk_champion_needs_an_independent_model_risk_analyst_approval()
    {
        this.policies.Tier = RiskTier.High;
        TableModelRegistry registry = this.Registry;
        ModelVersion v1 = await registry.RegisterAsync(this.Request("run-1") with { CreatedBy = "dana" });

        ApprovalRequiredException pending = await Assert.ThrowsAsync<ApprovalRequiredException>(
            () => registry.MoveAliasAsync(this.project, "churn", ModelAliases.Champion, 1, "ops"));
        await Assert.ThrowsAsync<SeparationOfDutiesException>(
            () => registry.SetApprovalAsync(this.project, "churn", 1, ApprovalStatus.Approved, "dana", [Role.ModelRiskAnalyst], "I built it"));
        await registry.SetApprovalAsync(this.project, "churn", 1, ApprovalStatus.Approved, "sam", [Role.DataScientist], "looks good");
        ApprovalRequiredException wrongRole = await Assert.ThrowsAsync<ApprovalRequiredException>(
            () => registry.MoveAliasAsync(this.project, "churn", ModelAliases.Champion, 1, "ops"));
        ModelVersion approved = await registry.SetApprovalAsync(this.project, "churn", 1, ApprovalStatus.Approved, "rita", [Role.ModelRiskAnalyst], "validated");
        AliasMove moved = await registry.MoveAliasAsync(this.project, "churn", ModelAliases.Champion, 1, "ops");
        await registry.MoveAliasAsync(this.project, "churn", ModelAliases.Challenger, 1, "ops");

        Assert.Contains("ModelRiskAnalyst", pending.Message, StringComparison.Ordinal);
        Assert.Contains("Pending", Assert.Single(pending.Missing), StringComparison.Ordinal);
        Assert.Contains("does not hold ModelRiskAnalyst", Assert.Single(wrongRole.Missing), StringComparison.Ordinal);
        Assert.Equal(("rita", ApprovalStatus.Approved, "validated"), (approved.ApprovedBy, approved.Status, approved.ApprovalReason));
        Assert.Equal(1, moved.ToVersion);
        Assert.Equal("dana", v1.CreatedBy);
        IReadOnlyList<AuditRecord> records = await this.AuditAsync();
        Assert.Equal(2, records.Count(r => r.Action == "registry.alias.refused"));
        Assert.Single(records, r => r.Action == "registry.version.approval.refused" && r.Actor == "dana");
        Assert.Equal(2, records.Count(r => r.Action == "registry.version.approval"));
    }

    [Fact]
    public async Task A_low_risk_champion_moves_without_approval()
    {
        TableModelRegistry registry = this.Registry;
        await registry.RegisterAsync(this.Request("run-1"));

        AliasMove moved = await registry.MoveAliasAsync(this.project, "churn", ModelAliases.Champion, 1, "ops");

        Assert.Equal((null, 1), (moved.FromVersion, moved.ToVersion));
    }

    [Fact]
    public async Task The_artifact_directory_and_model_card_are_committed_beside_the_version()
    {
        TableModelRegistry registry = this.Registry;
        ModelVersion v1 = await registry.RegisterVersionAsync(this.Request("run-1"));
        MlflowModelPackage package = CommittedVersions.Package();

        IReadOnlyList<string> written = await registry.WriteArtifactsAsync(this.project, "churn", 1, package);
        IReadOnlyList<string> rewritten = await registry.WriteArtifactsAsync(this.project, "churn", 1, package);
        string card = await registry.WriteModelCardAsync(CommittedVersions.Card(v1) with
        {
            SensitiveAttributes = ["gender"], Fairness = [new("gender", "f", "auc", 0.8), new("gender", "m", "auc", 0.79)],
        });
        Assert.Empty(await this.NamesAsync($"{this.project}/churn/1/"));
        Assert.Equal(7, (await this.NamesAsync($"_staging/{this.project}/churn/1/")).Count);
        await registry.CommitVersionAsync(this.project, "churn", 1);
        IReadOnlyList<string> afterCommit = await registry.WriteArtifactsAsync(this.project, "churn", 1, package with { OnnxModel = BinaryData.FromBytes([9]) });

        BlobContainerClient container = this.blobs.GetBlobContainerClient(TableModelRegistry.ArtifactContainer);
        Assert.Equal(written, rewritten);
        Assert.Equal(written, afterCommit);
        Assert.Equal(["MLmodel", "conda.yaml", "input_example.json", "model-card.md", "model.onnx", "python_env.yaml", "requirements.txt"], (await this.NamesAsync($"{this.project}/churn/1/")).Order(StringComparer.Ordinal));
        Assert.Empty(await this.NamesAsync($"_staging/{this.project}/churn/1/"));
        string mlmodel = (await container.GetBlobClient($"{this.project}/churn/1/MLmodel").DownloadContentAsync()).Value.Content.ToString();
        Assert.Contains("run_id: run-1", mlmodel, StringComparison.Ordinal);
        Assert.Contains(MlflowModelDirectory.DeterministicUuid($"{this.project}/churn/1"), mlmodel, StringComparison.Ordinal);
        Assert.Equal([8, 1, 2], (await container.GetBlobClient($"{this.project}/churn/1/model.onnx").DownloadContentAsync()).Value.Content.ToArray());
        string markdown = (await container.GetBlobClient(card).DownloadContentAsync()).Value.Content.ToString();
        Assert.Contains("| gender | f | auc | 0.8 |", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Comparing_versions_gives_metric_deltas_and_lineage_differences()
    {
        TableModelRegistry registry = this.Registry;
        await registry.RegisterAsync(this.Request("run-1"));
        await registry.RegisterAsync(this.Request("run-2") with
        {
            FeatureSetVersion = 5, FeatureSetSha256 = "fs5", Metrics = new Dictionary<string, double> { ["auc"] = 0.85, ["f1"] = 0.6 },
        });

        VersionComparison comparison = await registry.CompareVersionsAsync(this.project, "churn", 1, 2);

        MetricDelta auc = Assert.Single(comparison.Metrics, m => m.Metric == "auc");
        Assert.Equal(0.05, auc.Delta!.Value, 6);
        Assert.Null(Assert.Single(comparison.Metrics, m => m.Metric == "f1").Delta);
        Assert.Equal(["RunId", "FeatureSetVersion", "FeatureSetSha256"], comparison.Differences.Select(d => d.Field));
        Assert.Equal([$"FeatureSetVersion:{this.project}/v4", $"Run:{this.project}/run-1"], comparison.UpstreamOnlyInFirst);
        Assert.Equal([$"FeatureSetVersion:{this.project}/v5", $"Run:{this.project}/run-2"], comparison.UpstreamOnlyInSecond);
    }

    [Fact]
    public async Task A_packages_build_state_is_shown_on_its_version_and_a_built_package_stays_built()
    {
        this.policies.Tier = RiskTier.Low;
        TableModelRegistry registry = this.Registry;
        await registry.RegisterAsync(this.Request("run-1"));
        await registry.RegisterAsync(this.Request("run-2"));
        TableClient table = this.tables.GetTableClient("models");
        string versionRow = "version|churn|000001";
        Azure.ETag before = (await table.GetEntityAsync<TableEntity>(this.project, versionRow)).Value.ETag;
        DateTimeOffset at = DateTimeOffset.UnixEpoch;
        string digest = new('7', 64);

        PackageBuildState initial = (await registry.GetVersionAsync(this.project, "churn", 1))!.Package.State;
        await registry.RecordPackageBuildAsync(this.project, "churn", 1, PackageBuild.Building(at));
        PackageBuildState building = (await registry.ListVersionsAsync(this.project, "churn"))[0].Package.State;
        await registry.RecordPackageBuildAsync(this.project, "churn", 1, PackageBuild.Failed("MLmodel has no signature.", at));
        PackageBuild failed = (await registry.GetVersionAsync(this.project, "churn", 1))!.Package;
        ModelVersion built = await registry.RecordPackageBuildAsync(this.project, "churn", 1, PackageBuild.Built(digest, at));
        ModelVersion rebuilt = await registry.RecordPackageBuildAsync(this.project, "churn", 1, PackageBuild.Built(digest, at.AddDays(1)));

        // A later attempt that starts or fails does not hide the package that exists.
        await registry.RecordPackageBuildAsync(this.project, "churn", 1, PackageBuild.Building(at));
        await registry.RecordPackageBuildAsync(this.project, "churn", 1, PackageBuild.Failed("storage down", at));

        Assert.Equal((PackageBuildState.None, PackageBuildState.Building), (initial, building));
        Assert.Equal((PackageBuildState.Failed, "MLmodel has no signature."), (failed.State, failed.Reason));
        Assert.Equal((PackageBuildState.Built, digest), (built.Package.State, built.Package.Digest));
        Assert.Equal(built.Package, rebuilt.Package);
        IReadOnlyList<ModelVersion> listed = await registry.ListVersionsAsync(this.project, "churn");
        Assert.Equal([(PackageBuildState.Built, digest), (PackageBuildState.None, null)], listed.Select(v => (v.Package.State, v.Package.Digest)));
        Assert.Equal(digest, (await registry.ResolveAsync(this.project, "models:/churn/1")).Package.Digest);

        // Beside the version's row: its ETag, which approvals and alias moves pin, never moved, and a move still commits.
        Assert.Equal(before, (await table.GetEntityAsync<TableEntity>(this.project, versionRow)).Value.ETag);
        Assert.Equal(1, (await registry.MoveAliasAsync(this.project, "churn", ModelAliases.Champion, 1, "ops")).ToVersion);
        AuditRecord packaged = Assert.Single(await this.AuditAsync(), r => r.Action == "registry.version.package");
        Assert.Equal($"registry/{this.project}/churn/v1/package/{digest}", packaged.EventId);
        await Assert.ThrowsAsync<KeyNotFoundException>(() => registry.RecordPackageBuildAsync(this.project, "churn", 9, PackageBuild.Building(at)));
    }

    public void Dispose() => this.audit.Dispose();

    private async Task AssertInvisibleAsync(TableModelRegistry registry, int version)
    {
        Assert.Null(await registry.GetVersionAsync(this.project, "churn", version));
        Assert.Empty(await registry.ListVersionsAsync(this.project, "churn"));
        Assert.Null(await registry.ReadModelCardAsync(this.project, "churn", version));
        await Assert.ThrowsAsync<KeyNotFoundException>(() => registry.ResolveAsync(this.project, $"models:/churn/{version}"));
        await Assert.ThrowsAsync<KeyNotFoundException>(
            () => registry.SetApprovalAsync(this.project, "churn", version, ApprovalStatus.Approved, "rita", [Role.ModelRiskAnalyst], "ok"));
        await Assert.ThrowsAsync<KeyNotFoundException>(() => registry.MoveAliasAsync(this.project, "churn", ModelAliases.Champion, version, "ops"));
        await Assert.ThrowsAsync<KeyNotFoundException>(() => registry.MoveAliasAsync(this.project, "churn", ModelAliases.Challenger, version, "ops"));
        Assert.Empty(await registry.ListAliasesAsync(this.project, "churn"));
    }

    private async Task<List<string>> NamesAsync(string prefix)
    {
        var names = new List<string>();
        BlobContainerClient container = this.blobs.GetBlobContainerClient(TableModelRegistry.ArtifactContainer);
        await foreach (Azure.Storage.Blobs.Models.BlobItem item in container.GetBlobsAsync(new Azure.Storage.Blobs.Models.GetBlobsOptions { Prefix = prefix }))
        {
            names.Add(item.Name[prefix.Length..]);
        }

        return names;
    }

    private static BlobAuditLog NewAuditLog(BlobServiceClient blobs) => new(
        blobs,
        TimeProvider.System,
        TestMetrics.Create(),
        NullLogger<BlobAuditLog>.Instance);

    private static async Task<Exception?> Outcome(Task task)
    {
        try
        {
            await task;
            return null;
        }
        catch (AliasConflictException ex)
        {
            return ex;
        }
    }

    private ModelVersionRequest Request(string runId) => new()
    {
        Project = this.project,
        Name = "churn",
        RunId = runId,
        FeatureSetVersion = 4,
        FeatureSetSha256 = "fs4",
        DataSha256 = "raw4",
        SpecSha256 = "spec1",
        CreatedBy = "dana",
        Metrics = new Dictionary<string, double> { ["auc"] = 0.8 },
    };

    private async Task<IReadOnlyList<AuditRecord>> AuditAsync()
    {
        var records = new List<AuditRecord>();
        await foreach (AuditRecord record in this.audit.ReadAsync())
        {
            if (record.Target.Contains(this.project, StringComparison.Ordinal))
            {
                records.Add(record);
            }
        }

        return records;
    }

    /// <summary>The real audit log, failing the next append once: a crash between a registry write and its audit record.</summary>
    private sealed class FailingOnce(IAuditLog inner) : IAuditLog
    {
        private bool fail;

        public void FailNext() => this.fail = true;

        public Task<AuditRecord> AppendAsync(AuditEntry entry, CancellationToken cancellationToken = default)
        {
            if (this.fail)
            {
                this.fail = false;
                throw new IOException("The host died before the audit record was written.");
            }

            return inner.AppendAsync(entry, cancellationToken);
        }

        public IAsyncEnumerable<AuditRecord> ReadAsync(long afterSequence = 0, CancellationToken cancellationToken = default) => inner.ReadAsync(afterSequence, cancellationToken);

        public Task<AuditVerification> VerifyAsync(CancellationToken cancellationToken = default) => inner.VerifyAsync(cancellationToken);
    }

    private sealed class Policies : IApprovalPolicySource
    {
        public RiskTier Tier { get; set; } = RiskTier.Low;

        public Task<ApprovalPolicy> GetPolicyAsync(string project, CancellationToken cancellationToken = default) =>
            Task.FromResult(ApprovalPolicy.For(this.Tier));
    }
}
