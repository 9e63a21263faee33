using Azure.Storage.Blobs;
using MLOps.IntegrationTests.Infrastructure;
using MLOps.Triggers.Launching;

namespace MLOps.IntegrationTests.Launching;

/// <summary>The blob-backed run locks that keep two continuous-deployment runs off one endpoint, against real Azurite.</summary>
[Collection(StorageCollection.Name)]
public sealed class RunLocksTests(AzuriteFixture storage)
{
    private static readonly TimeSpan Stale = TimeSpan.FromMinutes(1);

    private readonly BlobRunLocks locks = new(new BlobServiceClient(storage.ConnectionString), TimeProvider.System);
    private readonly string project = "p" + Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task Of_ten_concurrent_runs_on_one_endpoint_exactly_one_takes_it_and_the_others_are_told_which()
    {
        string endpoint = $"{this.project}/endpoints/staging";

        RunLockHolder?[] outcomes = await Task.WhenAll(Enumerable.Range(0, 10).Select(i =>
            this.locks.TryAcquireAsync([endpoint], $"run-{i}", (_, _) => Task.FromResult<bool?>(null), Stale)));

        Assert.Equal(1, outcomes.Count(o => o is null));
        string winner = $"run-{Array.FindIndex(outcomes, o => o is null)}";
        Assert.All(outcomes.OfType<RunLockHolder>(), o => Assert.Equal(new RunLockHolder(endpoint, winner), o));
    }

    [Fact]
    public async Task A_run_in_flight_keeps_its_endpoint_and_a_finished_one_hands_it_over()
    {
        string endpoint = $"{this.project}/endpoints/staging";
        Assert.Null(await this.locks.TryAcquireAsync([endpoint], "first", Running(false), Stale));

        RunLockHolder? refused = await this.locks.TryAcquireAsync([endpoint], "second", Running(true), Stale);
        RunLockHolder? taken = await this.locks.TryAcquireAsync([endpoint], "third", Running(false), Stale);

        Assert.Equal(new RunLockHolder(endpoint, "first"), refused);
        Assert.Null(taken);
        Assert.Equal(new RunLockHolder(endpoint, "third"), await this.locks.TryAcquireAsync([endpoint], "fourth", Running(true), Stale));
        Assert.Null(await this.locks.TryAcquireAsync([endpoint], "third", Running(true), Stale));
    }

    [Fact]
    public async Task A_holder_the_backend_does_not_know_holds_until_its_lock_is_stale()
    {
        string endpoint = $"{this.project}/endpoints/staging";
        Assert.Null(await this.locks.TryAcquireAsync([endpoint], "starting", Running(null), Stale));

        Assert.Equal("starting", (await this.locks.TryAcquireAsync([endpoint], "eager", Running(null), Stale))?.InstanceId);
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        Assert.Null(await this.locks.TryAcquireAsync([endpoint], "later", Running(null), TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public async Task A_run_refused_its_second_endpoint_gives_back_the_first()
    {
        // Taken in name order: 'blue' is taken before 'green' is found held.
        string blue = $"{this.project}/endpoints/blue";
        string green = $"{this.project}/endpoints/green";
        Assert.Null(await this.locks.TryAcquireAsync([green], "green-run", Running(false), Stale));

        RunLockHolder? refused = await this.locks.TryAcquireAsync(
            [green, blue], "both", (id, _) => Task.FromResult<bool?>(id == "green-run"), Stale);

        Assert.Equal(new RunLockHolder(green, "green-run"), refused);
        Assert.Null(await this.locks.TryAcquireAsync([blue], "blue-only", Running(true), Stale));
    }

    private static Func<string, CancellationToken, Task<bool?>> Running(bool? running) => (_, _) => Task.FromResult(running);
}
