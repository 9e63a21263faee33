using Azure.Data.Tables;
using MLOps.Core.Requirements;
using MLOps.Core.Serving.Endpoints;
using MLOps.IntegrationTests.Infrastructure;

namespace MLOps.IntegrationTests.Serving;

[Collection(StorageCollection.Name)]
public sealed class TableEndpointStoreTests(AzuriteFixture storage)
{
    private readonly TableServiceClient tables = new(storage.ConnectionString);
    private readonly string project = "ep" + Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task Revisions_count_from_1_and_a_change_based_on_a_stale_revision_is_refused()
    {
        var store = new TableEndpointStore(this.tables);

        ServingEndpoint created = await store.SaveAsync(this.Endpoint("scores", 'a'), 0);
        ServingEndpoint changed = await store.SaveAsync(this.Endpoint("scores", 'b'), created.Revision);
        await Assert.ThrowsAsync<EndpointConflictException>(() => store.SaveAsync(this.Endpoint("scores", 'c'), created.Revision));
        await Assert.ThrowsAsync<EndpointConflictException>(() => store.SaveAsync(this.Endpoint("scores", 'c'), 0));

        Assert.Equal((1, 2), (created.Revision, changed.Revision));
        ServingEndpoint read = (await store.GetAsync(this.project, "scores"))!;
        Assert.Equal(2, read.Revision);
        Assert.Equal(new string('b', 64), Assert.Single(read.Deployments).Package);
        Assert.Null(await store.GetAsync(this.project, "missing"));
    }

    [Fact]
    public async Task Of_concurrent_changes_from_one_revision_exactly_one_wins()
    {
        var store = new TableEndpointStore(this.tables);
        await store.SaveAsync(this.Endpoint("race", 'a'), 0);

        Task<ServingEndpoint>[] racing = [.. "bcdefgh".Select(c => new TableEndpointStore(this.tables).SaveAsync(this.Endpoint("race", c), 1))];
        await Task.WhenAll(racing.Select(t => t.ContinueWith(_ => { }, TaskScheduler.Default)));

        Assert.Equal(1, racing.Count(t => t.IsCompletedSuccessfully));
        Assert.All(racing.Where(t => t.IsFaulted), t => Assert.IsType<EndpointConflictException>(t.Exception!.InnerException));
        Assert.Equal(["race"], (await store.ListAsync(this.project)).Select(e => e.Name));
    }

    private ServingEndpoint Endpoint(string name, char digest) => new()
    {
        Project = this.project,
        Name = name,
        Deployments =
        [
            new Deployment
            {
                Id = Deployment.IdFor(new string(digest, 64)), Package = new string(digest, 64), Model = "credit", ModelVersion = 1,
                Task = ModelTask.BinaryClassification, CreatedAt = DateTimeOffset.UnixEpoch, CreatedBy = "ops",
            },
        ],
        Revision = 0,
        UpdatedAt = DateTimeOffset.UnixEpoch,
        UpdatedBy = "ops",
    };
}
