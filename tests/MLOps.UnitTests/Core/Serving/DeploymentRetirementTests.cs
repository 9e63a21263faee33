using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MLOps.Core.Serving;
using MLOps.Core.Serving.Endpoints;
using MLOps.Core.Serving.Scoring;
using Moq;

namespace MLOps.UnitTests.Core.Serving;

public sealed class DeploymentRetirementTests
{
    private static readonly string A = new('a', 64), B = new('b', 64);

    private readonly InMemoryEndpointStore store = new();
    private readonly Mock<IPackageScoring> scoring = new();

    [Fact]
    public async Task After_its_drain_a_retired_deployment_is_unloaded_unless_the_table_names_it_again()
    {
        Deployment a = TrafficTableTests.Deployment(A, 100, 0), b = TrafficTableTests.Deployment(B, 0, 0);
        await this.store.SaveAsync(Endpoint([a]), 0);
        using DeploymentRetirement retirement = this.Retirement(drainSeconds: 0);

        // b was retired and is gone from the table; a was retired too, but routed to again before the drain ended.
        retirement.Retire("credit", "scoring", [a, b]);
        await retirement.WhenDrainedAsync();

        this.scoring.Verify(s => s.UnloadAsync($"credit.scoring.{b.Id}", It.IsAny<CancellationToken>()), Times.Once);
        this.scoring.Verify(s => s.UnloadAsync($"credit.scoring.{a.Id}", It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task Nothing_is_unloaded_before_the_drain_ends_and_a_stopping_host_leaves_it_loaded()
    {
        Deployment a = TrafficTableTests.Deployment(A, 100, 0);
        DeploymentRetirement retirement = this.Retirement(drainSeconds: 3600);

        retirement.Retire("credit", "scoring", [a]);
        Task drained = retirement.WhenDrainedAsync();
        Assert.False(drained.IsCompleted);
        retirement.Dispose();
        await drained;

        this.scoring.Verify(s => s.UnloadAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task An_unload_that_fails_is_logged_and_never_thrown()
    {
        this.scoring.Setup(s => s.UnloadAsync(It.IsAny<string>(), It.IsAny<CancellationToken>())).ThrowsAsync(new HttpRequestException("connection refused"));
        using DeploymentRetirement retirement = this.Retirement(drainSeconds: 0);

        retirement.Retire("credit", "scoring", [TrafficTableTests.Deployment(B, 0, 0)]);
        await retirement.WhenDrainedAsync();

        this.scoring.Verify(s => s.UnloadAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    private DeploymentRetirement Retirement(int drainSeconds) => new(
        this.store, this.scoring.Object, TimeProvider.System, Options.Create(new ServingOptions { RetireDrainSeconds = drainSeconds }), NullLogger<DeploymentRetirement>.Instance);

    private static ServingEndpoint Endpoint(IReadOnlyList<Deployment> deployments) => new()
    {
        Project = "credit",
        Name = "scoring",
        Deployments = deployments,
        Revision = 0,
        UpdatedAt = DateTimeOffset.UnixEpoch,
        UpdatedBy = "operations",
    };
}
