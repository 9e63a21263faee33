using DurableTask.AzureStorage;
using MLOps.DurableLocal;

namespace MLOps.UnitTests.DurableLocal;

public class EmbeddedEngineOptionsTests
{
    [Fact]
    public void The_stock_baseline_is_what_dtfx_itself_defaults_to()
    {
        var dtfx = new AzureStorageOrchestrationServiceSettings();

        EmbeddedEngineOptions stock = EmbeddedEngineOptions.Stock("UseDevelopmentStorage=true", "hub");

        Assert.Equal(
            (dtfx.PartitionCount, dtfx.ExtendedSessionsEnabled, dtfx.MaxConcurrentTaskActivityWorkItems, dtfx.MaxConcurrentTaskOrchestrationWorkItems, dtfx.WorkItemQueueVisibilityTimeout, dtfx.MaxQueuePollingInterval),
            (stock.PartitionCount, stock.ExtendedSessionsEnabled, stock.MaxConcurrentActivities, stock.MaxConcurrentOrchestrations, stock.QueueVisibilityTimeout, stock.MaxQueuePollingInterval));
    }

    [Fact]
    public void The_tuned_defaults_differ_from_stock_where_measured()
    {
        var tuned = new EmbeddedEngineOptions();
        EmbeddedEngineOptions stock = EmbeddedEngineOptions.Stock("UseDevelopmentStorage=true", "hub");

        Assert.True(tuned.ExtendedSessionsEnabled && !stock.ExtendedSessionsEnabled);
        Assert.True(tuned.QueueVisibilityTimeout < stock.QueueVisibilityTimeout);
        Assert.True(tuned.MaxQueuePollingInterval < stock.MaxQueuePollingInterval);
    }
}
