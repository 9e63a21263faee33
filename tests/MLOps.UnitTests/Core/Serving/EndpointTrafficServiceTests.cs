using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MLOps.Core.Audit;
using MLOps.Core.FeatureStore.Engineering;
using MLOps.Core.Packaging;
using MLOps.Core.Requirements;
using MLOps.Core.Serving;
using MLOps.Core.Serving.Endpoints;
using MLOps.Core.Serving.Scoring;
using Moq;

namespace MLOps.UnitTests.Core.Serving;

/// <summary>The traffic service's orchestration against an in-memory store and mocked workers and audit log.</summary>
public sealed class EndpointTrafficServiceTests : IDisposable
{
    private const string Project = "credit", Endpoint = "scoring";

    private static readonly string A = new('a', 64), B = new('b', 64), C = new('c', 64), Foreign = new('f', 64);

    private static readonly Uri Worker = new("http://127.0.0.1:9001/");

    private readonly InMemoryEndpointStore store = new();
    private readonly Mock<IPackageScoring> scoring = new(MockBehavior.Strict);
    private readonly Mock<IAuditLog> audit = new();
    private readonly List<string> steps = [];
    private readonly DeploymentRetirement retirement;
    private readonly EndpointTrafficService traffic;

    public EndpointTrafficServiceTests()
    {
        foreach (string digest in new[] { A, B, C, Foreign })
        {
            this.scoring.Setup(s => s.OpenAsync(digest, It.IsAny<CancellationToken>())).ReturnsAsync(Package(digest, digest == Foreign ? "other-project" : Project));
        }

        this.scoring.Setup(s => s.OpenAsync(It.Is<string>(d => d.StartsWith('9')), It.IsAny<CancellationToken>())).ReturnsAsync((ScoringPackage?)null);
        this.scoring.Setup(s => s.LoadAsync(It.IsAny<ScoringPackage>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .Callback((ScoringPackage p, string name, CancellationToken _) => this.steps.Add($"load {name}"))
            .ReturnsAsync([Worker]);
        this.scoring.Setup(s => s.UnloadAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .Callback((string name, CancellationToken _) => this.steps.Add($"unload {name}"))
            .Returns(Task.CompletedTask);
        this.audit.Setup(a => a.AppendAsync(It.IsAny<AuditEntry>(), It.IsAny<CancellationToken>()))
            .Callback((AuditEntry e, CancellationToken _) => this.steps.Add($"audit {e.EventId}"))
            .ReturnsAsync((AuditRecord)null!);
        this.store.BeforeSave = () => this.steps.Add("save");
        this.retirement = new DeploymentRetirement(
            this.store, this.scoring.Object, TimeProvider.System, Options.Create(new ServingOptions { RetireDrainSeconds = 0 }), NullLogger<DeploymentRetirement>.Instance);
        this.traffic = new EndpointTrafficService(this.store, this.scoring.Object, this.audit.Object, this.retirement, TimeProvider.System, NullLogger<EndpointTrafficService>.Instance);
    }

    [Fact]
    public async Task A_new_table_loads_its_packages_before_it_is_saved_and_audits_the_revision_with_its_reason()
    {
        TrafficOutcome change = await this.traffic.ChangeAsync(Project, Endpoint, [new(B, 30, 10), new(A, 70)], "operations", "canary of v2", expectedRevision: 0);

        Assert.Equal((true, true, 1), (change.Created, change.Changed, change.Endpoint.Revision));
        Assert.Equal([Worker], change.LoadedOn);
        Assert.Equal([(A, 70.0, 0.0), (B, 30.0, 10.0)], change.Endpoint.Deployments.Select(d => (d.Package, d.TrafficPercent, d.MirrorPercent)));
        Assert.Equal([$"load credit.scoring.d-{B[..12]}", $"load credit.scoring.d-{A[..12]}", "save", "audit serving/credit/scoring/r1"], this.steps);
        AuditEntry entry = this.AuditEntries().Single();
        Assert.Equal(("operations", EndpointTrafficService.AuditAction, "credit/endpoints/scoring"), (entry.Actor, entry.Action, entry.Target));
        Assert.Contains("revision 1: d-aaaaaaaaaaaa 70%", entry.Outcome, StringComparison.Ordinal);
        Assert.Contains("d-bbbbbbbbbbbb 30% (mirror 10%)", entry.Outcome, StringComparison.Ordinal);
        Assert.EndsWith("; reason: canary of v2", entry.Outcome, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_table_the_endpoint_has_is_no_new_revision_and_appends_no_new_audit_event()
    {
        await this.traffic.ApplyAsync(Project, Endpoint, [new(A, 70), new(B, 30)], "operations", "split");

        ServingEndpoint again = await this.traffic.ApplyAsync(Project, Endpoint, [new(B, 30), new(A, 70)], "cd", "split again");

        Assert.Equal((1, 1), (again.Revision, this.store.Saves));
        Assert.Equal(2, this.steps.Count(s => s.StartsWith("load", StringComparison.Ordinal)));

        // The current revision's event is re-asserted under its own id (the log appends nothing when it is there).
        Assert.Equal(["serving/credit/scoring/r1", "serving/credit/scoring/r1"], this.AuditEntries().Select(e => e.EventId));
    }

    [Fact]
    public async Task A_shift_keeps_existing_deployments_loads_only_new_ones_and_unloads_the_retired_one_after_its_drain()
    {
        ServingEndpoint first = await this.traffic.ApplyAsync(Project, Endpoint, [new(A, 100)], "operations", "v1");
        await this.traffic.ApplyAsync(Project, Endpoint, [new(A, 50), new(B, 50)], "operations", "half");
        this.steps.Clear();

        ServingEndpoint last = await this.traffic.ApplyAsync(Project, Endpoint, [new(B, 100)], "operations", "all on v2");
        await this.retirement.WhenDrainedAsync();

        Assert.Equal(3, last.Revision);
        Assert.Equal(B, Assert.Single(last.Deployments).Package);
        Assert.Equal(["save", "audit serving/credit/scoring/r3", $"unload credit.scoring.d-{A[..12]}"], this.steps);
        Assert.Contains("retired d-aaaaaaaaaaaa", this.AuditEntries().Last().Outcome, StringComparison.Ordinal);
        Assert.Equal(1, first.Revision);
    }

    [Fact]
    public async Task A_package_a_worker_refuses_changes_nothing()
    {
        await this.traffic.ApplyAsync(Project, Endpoint, [new(A, 100)], "operations", "v1");
        this.scoring.Setup(s => s.LoadAsync(It.Is<ScoringPackage>(p => p.Digest == C), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new PackageRefusedException("worker http://w/ answered 400: bad model"));

        PackageRefusedException refused = await Assert.ThrowsAsync<PackageRefusedException>(
            () => this.traffic.ApplyAsync(Project, Endpoint, [new(A, 90), new(C, 10)], "operations", "canary"));

        Assert.Contains($"A worker refused package {C}, so endpoint 'scoring' is unchanged", refused.Message, StringComparison.Ordinal);
        Assert.Equal((1, 1), ((await this.store.GetAsync(Project, Endpoint))!.Revision, this.store.Saves));
        Assert.Single(this.AuditEntries());
    }

    [Fact]
    public async Task Unknown_digests_foreign_packages_and_bad_tables_are_refused_naming_the_field_before_anything_changes()
    {
        string unknown = new('9', 64);

        KeyNotFoundException missing = await Assert.ThrowsAsync<KeyNotFoundException>(
            () => this.traffic.ApplyAsync(Project, Endpoint, [new(A, 50), new(unknown, 50)], "operations", "split"));
        ArgumentException foreign = await Assert.ThrowsAsync<ArgumentException>(
            () => this.traffic.ApplyAsync(Project, Endpoint, [new(Foreign, 100)], "operations", "other"));
        ArgumentException invalid = await Assert.ThrowsAsync<ArgumentException>(
            () => this.traffic.ApplyAsync(Project, Endpoint, [new(A, 50), new(B, 40, 60)], "operations", "bad"));
        ArgumentException badName = await Assert.ThrowsAsync<ArgumentException>(
            () => this.traffic.ApplyAsync(Project, "Not A Slug", [new(A, 100)], "operations", "bad"));

        Assert.StartsWith("weights[1].package: no built package has digest 9999", missing.Message, StringComparison.Ordinal);
        Assert.Equal($"weights[0].package: {Foreign} is a package of project 'other-project', not 'credit'.", foreign.Message);
        Assert.Equal("weights: the trafficPercent shares must sum to 100, not 90; weights: the mirrorPercent shares must sum to at most 50, not 60", invalid.Message);
        Assert.StartsWith("endpoint: must be a lower-case slug", badName.Message, StringComparison.Ordinal);
        Assert.Empty(this.steps);
    }

    [Fact]
    public async Task A_change_based_on_another_revision_or_beaten_by_a_concurrent_one_is_a_conflict()
    {
        await this.traffic.ApplyAsync(Project, Endpoint, [new(A, 100)], "operations", "v1");

        EndpointConflictException stale = await Assert.ThrowsAsync<EndpointConflictException>(
            () => this.traffic.ChangeAsync(Project, Endpoint, [new(A, 50), new(B, 50)], "operations", "half", expectedRevision: 3));
        this.store.BeforeSave = () => this.store.ChangeConcurrently(Project, Endpoint, "someone else");
        await Assert.ThrowsAsync<EndpointConflictException>(() => this.traffic.ApplyAsync(Project, Endpoint, [new(B, 100)], "operations", "race"));

        Assert.Contains("is at revision 1, not 3 (expectedRevision)", stale.Message, StringComparison.Ordinal);
        Assert.Equal("someone else", (await this.store.GetAsync(Project, Endpoint))!.UpdatedBy);
        Assert.Single(this.AuditEntries());
    }

    public void Dispose() => this.retirement.Dispose();

    private AuditEntry[] AuditEntries() =>
        [.. this.audit.Invocations.Where(i => i.Method.Name == nameof(IAuditLog.AppendAsync)).Select(i => (AuditEntry)i.Arguments[0]!)];

    private static ScoringPackage Package(string digest, string project) => new()
    {
        Digest = digest,
        Project = project,
        Model = project,
        Version = digest[0] - 'a' + 1,
        Task = ModelTask.BinaryClassification,
        InputName = "features",
        FeatureNames = [],
        ScoreOutput = "probability",
        EntityKey = "id",
        FeatureSetVersion = 1,
        FeatureSetSha256 = new string('0', 64),
        Encoder = new FeatureContract { Columns = [], Fitted = new FittedFeatureSet("none", [], []), FeatureNames = [] }.CreateEncoder(),
    };
}
