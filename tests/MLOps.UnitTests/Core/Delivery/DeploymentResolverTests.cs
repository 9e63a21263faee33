using System.Text;
using Moq;
using MLOps.Core.Delivery;
using MLOps.Core.Packaging;
using MLOps.Core.Projects;
using MLOps.Core.Registry;
using MLOps.Core.Requirements;
using MLOps.Core.Serving.Endpoints;

namespace MLOps.UnitTests.Core.Delivery;

/// <summary>The resolver with storage mocked: which package it accepts, what it compares with, what approval it asks for.</summary>
public class DeploymentResolverTests
{
    private static readonly string Digest = new('a', 64);
    private static readonly string Live = new('b', 64);

    private readonly Mock<IProjectGatesSource> projects = new();
    private readonly Mock<IModelRegistry> registry = new();
    private readonly Mock<IModelPackageStore> packages = new();
    private readonly Mock<IEndpointStore> endpoints = new();
    private ProjectGates gates = Gates(RiskTier.Low, [new CanaryDeployment { TrafficPercent = 10, BakeMinutes = 30 }]);
    private ModelVersion version = Version(checksPassed: true);

    public DeploymentResolverTests()
    {
        this.projects.Setup(p => p.GetGatesAsync("credit", It.IsAny<CancellationToken>())).ReturnsAsync(() => this.gates);
        this.registry.Setup(r => r.GetVersionAsync("credit", "credit-model", 5, It.IsAny<CancellationToken>())).ReturnsAsync(() => this.version);
        this.registry.Setup(r => r.ListAliasesAsync("credit", "credit-model", It.IsAny<CancellationToken>())).ReturnsAsync(new Dictionary<string, int> { ["champion"] = 4 });
        this.endpoints.Setup(e => e.GetAsync("credit", "staging", It.IsAny<CancellationToken>())).ReturnsAsync(new ServingEndpoint
        {
            Project = "credit", Name = "staging", Revision = 3, UpdatedAt = DateTimeOffset.UnixEpoch, UpdatedBy = "ops",
            Deployments = [new Deployment { Id = Deployment.IdFor(Live), Package = Live, Model = "credit-model", ModelVersion = 4, Task = ModelTask.BinaryClassification, CreatedAt = DateTimeOffset.UnixEpoch, CreatedBy = "ops" }],
        });
    }

    private DeploymentResolver Resolver => new(this.projects.Object, this.registry.Object, this.packages.Object, this.endpoints.Object);

    [Fact]
    public async Task A_version_whose_package_passed_ci_goes_out_with_the_specs_strategy_against_the_live_deployment()
    {
        ResolvedDeployment resolved = await this.Resolver.ResolveAsync(new DeploymentRequest("credit", Model: "credit-model", Version: 5, Endpoint: "staging"));

        Assert.Equal(new DeployedPackage(Digest, "credit-model", 5), resolved.Candidate);
        EndpointRollout staging = Assert.Single(resolved.Endpoints);
        Assert.Equal((new DeployedPackage(Live, "credit-model", 4), false), (staging.Baseline, staging.Live));
        Assert.Equal(new RolloutStrategy(RolloutKind.Canary, TrafficPercent: 10, BakeSeconds: 1800), resolved.Strategy);
        Assert.Equal([10.0, 100], staging.Plan.Steps.Select(s => s.CandidatePercent));
        Assert.Equal(4, resolved.Champion);
        Assert.Null(resolved.Approval);
        Assert.Equal(250, resolved.Gates.MaxP95LatencyMs);
        Assert.Equal("strategy from the spec: canary on 10% of traffic for 30 min", resolved.Note);
    }

    [Fact]
    public async Task A_package_that_failed_ci_or_was_never_checked_is_refused()
    {
        this.version = Version(checksPassed: false);
        DeploymentRefusedException failed = await Assert.ThrowsAsync<DeploymentRefusedException>(
            () => this.Resolver.ResolveAsync(new DeploymentRequest("credit", Model: "credit-model", Version: 5, Endpoint: "staging")));
        this.version = Version(checksPassed: null);
        DeploymentRefusedException unchecked_ = await Assert.ThrowsAsync<DeploymentRefusedException>(
            () => this.Resolver.ResolveAsync(new DeploymentRequest("credit", Model: "credit-model", Version: 5, Endpoint: "staging")));

        Assert.Equal(("version", "models:/credit-model/5 (credit): package " + Digest + " failed continuous integration (quality: FAILED), so it is not deployed."), (failed.Field, failed.Message));
        Assert.Contains("has no continuous-integration verdict yet", unchecked_.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_digest_is_looked_up_through_its_descriptor_and_must_be_its_versions_built_package()
    {
        this.packages.Setup(p => p.ExistsAsync(Live, It.IsAny<CancellationToken>())).ReturnsAsync(true);
        this.packages.Setup(p => p.OpenAsync(Live, PackageLayout.Descriptor, It.IsAny<CancellationToken>()))
            .ReturnsAsync(() => new MemoryStream(Encoding.UTF8.GetBytes("""{"formatVersion":1}""")));

        DeploymentRefusedException unreadable = await Assert.ThrowsAsync<DeploymentRefusedException>(
            () => this.Resolver.ResolveAsync(new DeploymentRequest("credit", Package: Live, Endpoint: "staging")));
        DeploymentRefusedException unknown = await Assert.ThrowsAsync<DeploymentRefusedException>(
            () => this.Resolver.ResolveAsync(new DeploymentRequest("credit", Package: Digest, Endpoint: "staging")));

        Assert.Equal("package", unreadable.Field);
        Assert.Equal(("package", $"No built package has the digest {Digest}."), (unknown.Field, unknown.Message));
    }

    [Fact]
    public async Task A_high_risk_project_needs_its_risk_approver_unless_the_version_already_has_one()
    {
        this.gates = Gates(RiskTier.High, [new CanaryDeployment { TrafficPercent = 10, BakeMinutes = 30 }]);

        ResolvedDeployment waiting = await this.Resolver.ResolveAsync(new DeploymentRequest("credit", Model: "credit-model", Version: 5, Endpoint: "staging"));
        this.version = this.version with { Status = ApprovalStatus.Approved, ApprovedBy = "rita", ApproverRoles = ["ModelRiskAnalyst"] };
        ResolvedDeployment approved = await this.Resolver.ResolveAsync(new DeploymentRequest("credit", Model: "credit-model", Version: 5, Endpoint: "staging"));

        Assert.Equal(new ApprovalRequirement("credit", "credit-model", 5, MLOps.Core.Security.Role.ModelRiskAnalyst, "dana", true, RiskTier.High), waiting.Approval);
        Assert.Equal((null, "rita"), (approved.Approval, approved.ApprovedBy));
    }

    [Fact]
    public async Task A_shadow_on_an_endpoint_that_serves_nothing_is_refused_naming_the_endpoint()
    {
        DeploymentRefusedException refused = await Assert.ThrowsAsync<DeploymentRefusedException>(() => this.Resolver.ResolveAsync(
            new DeploymentRequest("credit", Model: "credit-model", Version: 5, Endpoint: "fresh", Strategy: new RolloutStrategy(RolloutKind.Shadow, DurationSeconds: 60))));

        Assert.Equal("strategy", refused.Field);
        Assert.StartsWith("endpoint 'fresh': a Shadow rollout compares", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_package_already_serving_alone_that_is_champion_is_already_live()
    {
        this.registry.Setup(r => r.ListAliasesAsync("credit", "credit-model", It.IsAny<CancellationToken>())).ReturnsAsync(new Dictionary<string, int> { ["champion"] = 5 });
        this.endpoints.Setup(e => e.GetAsync("credit", "staging", It.IsAny<CancellationToken>())).ReturnsAsync(new ServingEndpoint
        {
            Project = "credit", Name = "staging", Revision = 9, UpdatedAt = DateTimeOffset.UnixEpoch, UpdatedBy = "cd",
            Deployments = [new Deployment { Id = Deployment.IdFor(Digest), Package = Digest, Model = "credit-model", ModelVersion = 5, Task = ModelTask.BinaryClassification, CreatedAt = DateTimeOffset.UnixEpoch, CreatedBy = "cd" }],
        });

        ResolvedDeployment resolved = await this.Resolver.ResolveAsync(new DeploymentRequest("credit", Model: "credit-model", Version: 5, Endpoint: "staging"));

        Assert.True(resolved.AlreadyLive);
    }

    private static ModelVersion Version(bool? checksPassed) => new()
    {
        Project = "credit", Name = "credit-model", Version = 5, RunId = "run", FeatureSetVersion = 1, FeatureSetSha256 = "f", DataSha256 = "d", SpecSha256 = "s",
        ArtifactUri = "models/credit/credit-model/5/", CreatedAt = DateTimeOffset.UnixEpoch, CreatedBy = "dana",
        Package = PackageBuild.Built(Digest, DateTimeOffset.UnixEpoch) with
        {
            Checks = checksPassed is { } passed
                ? new CheckedBuild("ci-1", passed, passed ? "every check passed" : "quality: FAILED", passed ? [] : ["quality"], "r", "h", DateTimeOffset.UnixEpoch)
                : null,
        },
    };

    private static ProjectGates Gates(RiskTier tier, IReadOnlyList<DeploymentPreference> deployment) => new()
    {
        Project = "credit", SpecSha256 = "s", Task = ModelTask.BinaryClassification, Target = new TargetSpec { Column = "y" },
        Acceptance = new AcceptanceGate { Metric = AcceptanceMetric.Auc, Threshold = 0.7, Direction = GateDirection.AtLeast }, Latency = new LatencyBudget { P95Ms = 250 },
        DataRules = new DataRules { MinRows = 1, Columns = [] }, SensitiveAttributes = [], Approval = ApprovalPolicy.For(tier), Deployment = deployment,
    };
}
