using Azure.Data.Tables;
using Azure.Storage.Blobs;
using MLOps.DurableLocal.Quarantine;
using MLOps.IntegrationTests.Infrastructure;
using MLOps.Triggers.Launching;

namespace MLOps.IntegrationTests.Launching;

/// <summary>The storage-backed pieces that make starts atomic and count host deaths, against real Azurite.</summary>
[Collection(StorageCollection.Name)]
public sealed class StartClaimsTests(AzuriteFixture storage)
{
    [Fact]
    public async Task Of_ten_concurrent_claims_on_one_id_exactly_one_wins()
    {
        var claims = new BlobStartClaims(new BlobServiceClient(storage.ConnectionString), TimeProvider.System);
        string id = "claim-" + Guid.NewGuid().ToString("N")[..8];

        bool[] won = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => claims.TryClaimAsync(id, "none", TimeSpan.FromMinutes(1))));

        Assert.Equal(1, won.Count(w => w));
        Assert.True(await claims.TryClaimAsync(id, "638000000000000000", TimeSpan.FromMinutes(1)), "replacing a run is a claim of its own");

        // Once the run is scheduled the claim is let go: the backend's instance record refuses later starts.
        await claims.ReleaseAsync(id, "none");
        Assert.True(await claims.TryClaimAsync(id, "none", TimeSpan.FromMinutes(1)));
    }

    [Fact]
    public async Task A_stale_claim_is_taken_over_once()
    {
        var claims = new BlobStartClaims(new BlobServiceClient(storage.ConnectionString), TimeProvider.System);
        string id = "stale-" + Guid.NewGuid().ToString("N")[..8];
        Assert.True(await claims.TryClaimAsync(id, "none", TimeSpan.FromMinutes(1)));
        await Task.Delay(TimeSpan.FromSeconds(1.5));

        // The first claimant died before it started the run: after the stale time, one new caller takes over.
        bool[] won = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => claims.TryClaimAsync(id, "none", TimeSpan.FromSeconds(1))));

        Assert.Equal(1, won.Count(w => w));
        Assert.False(await claims.TryClaimAsync(id, "none", TimeSpan.FromMinutes(1)));
    }

    [Fact]
    public async Task Attempts_count_other_incarnations_that_never_finished()
    {
        var table = new TableClient(storage.ConnectionString, TableWorkItemAttempts.TableNameFor("hub" + Guid.NewGuid().ToString("N")[..8]));
        var first = new TableWorkItemAttempts(table, "m:1:1");
        var second = new TableWorkItemAttempts(table, "m:2:2");
        var third = new TableWorkItemAttempts(table, "m:3:3");

        Assert.Equal(0, await first.BeginAsync("item"));
        Assert.Equal(0, await first.BeginAsync("item"));
        Assert.Equal(1, await second.BeginAsync("item"));
        Assert.Equal(2, await third.BeginAsync("item"));

        await third.EndAsync("item");
        Assert.Equal(0, await first.BeginAsync("item"));
        Assert.Equal(0, await first.BeginAsync("other"));
    }
}
