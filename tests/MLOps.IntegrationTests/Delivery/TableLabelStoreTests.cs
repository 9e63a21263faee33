using Azure.Data.Tables;
using MLOps.Core.Labels;
using MLOps.IntegrationTests.Infrastructure;

namespace MLOps.IntegrationTests.Delivery;

/// <summary>The ground-truth label store on a real Azurite table: write-once identities, idempotent redelivery, windows by observation time.</summary>
[Collection(StorageCollection.Name)]
public sealed class TableLabelStoreTests(AzuriteFixture storage)
{
    private static readonly DateTimeOffset Noon = new(2026, 5, 4, 12, 0, 0, TimeSpan.Zero);

    private readonly TableServiceClient tables = new(storage.ConnectionString);
    private readonly string project = "lbl" + Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task A_redelivered_label_changes_nothing_and_a_different_one_is_a_conflict()
    {
        var store = new TableLabelStore(this.tables);
        GroundTruthLabel label = this.Label("r-1") with { Row = 2 };

        LabelAppend first = await store.AppendAsync(label);
        LabelAppend again = await new TableLabelStore(this.tables).AppendAsync(label with { Time = Noon.AddHours(5) });
        LabelConflictException conflict = await Assert.ThrowsAsync<LabelConflictException>(() => store.AppendAsync(label with { Label = "bad" }));

        Assert.Equal((LabelAppend.Added, LabelAppend.AlreadyPresent), (first, again));
        Assert.Equal($"request 'r-1' row 2 of {this.project}/scores is already labelled 'good'; labels are write-once, so 'bad' is not recorded.", conflict.Message);

        // One label, as first written (its time too): the redelivery and the conflicting one left no trace.
        GroundTruthLabel stored = Assert.Single(await this.ReadAsync(store));
        Assert.Equal(label, stored);
    }

    [Fact]
    public async Task Concurrent_deliveries_of_one_label_store_it_once()
    {
        GroundTruthLabel label = this.Label("r-race");

        LabelAppend[] outcomes = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => new TableLabelStore(this.tables).AppendAsync(label)));

        Assert.Equal(1, outcomes.Count(o => o == LabelAppend.Added));
        Assert.Equal(5, outcomes.Count(o => o == LabelAppend.AlreadyPresent));
        Assert.Single(await this.ReadAsync(new TableLabelStore(this.tables)));
    }

    [Fact]
    public async Task Rows_of_one_request_and_keys_are_labels_of_their_own_and_windows_filter_by_time()
    {
        var store = new TableLabelStore(this.tables);
        await store.AppendAsync(this.Label("r-1"));
        await store.AppendAsync(this.Label("r-1") with { Row = 1, Label = "bad", Time = Noon.AddHours(1) });
        await store.AppendAsync(this.Label("r/2?#") with { Time = Noon.AddHours(2) });
        await store.AppendAsync(new GroundTruthLabel { Project = this.project, Endpoint = "scores", Key = "c-17", Label = "bad", Time = Noon.AddHours(3) });
        await store.AppendAsync(this.Label("r-1") with { Endpoint = "other" });

        List<GroundTruthLabel> all = await this.ReadAsync(store);
        List<GroundTruthLabel> middle = await this.ReadAsync(store, Noon.AddHours(1), Noon.AddHours(3));

        Assert.Equal(
            [("r-1", (int?)0, (string?)null, "good"), ("r-1", 1, null, "bad"), ("r/2?#", 0, null, "good"), (null!, null, "c-17", "bad")],
            all.OrderBy(l => l.Time).Select(l => (l.RequestId, l.Row, l.Key, l.Label)));
        Assert.Equal([Noon.AddHours(1), Noon.AddHours(2)], middle.Select(l => l.Time).Order());
    }

    [Fact]
    public async Task A_label_that_breaks_the_rules_is_refused_before_storage()
    {
        var store = new TableLabelStore(this.tables);

        ArgumentException refused = await Assert.ThrowsAsync<ArgumentException>(() => store.AppendAsync(this.Label("r-1") with { Key = "c-1" }));

        Assert.Contains("$.requestId: name the prediction by requestId", refused.Message, StringComparison.Ordinal);
        Assert.Empty(await this.ReadAsync(store));
    }

    private GroundTruthLabel Label(string requestId) =>
        new() { Project = this.project, Endpoint = "scores", RequestId = requestId, Label = "good", Time = Noon };

    private async Task<List<GroundTruthLabel>> ReadAsync(TableLabelStore store, DateTimeOffset? from = null, DateTimeOffset? to = null)
    {
        var found = new List<GroundTruthLabel>();
        await foreach (GroundTruthLabel label in store.ReadAsync(this.project, "scores", from, to))
        {
            found.Add(label);
        }

        return found;
    }
}
