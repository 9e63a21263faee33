using System.Text.Json;
using MLOps.LocalHost.Azurite;

namespace MLOps.FunctionsApp.Tests;

/// <summary>
/// host.json is what Azure runs with: production defaults for the Durable extension, sized for ML.NET trials on
/// 2 GB Flex Consumption instances. The benchmark tuning (50 concurrent activities, 20 s visibility, extended
/// sessions, 1 s polling) belongs to the embedded host's <c>DurableEngine</c> options only.
/// </summary>
public sealed class HostJsonTests
{
    private static readonly JsonElement DurableTask = Load().GetProperty("extensions").GetProperty("durableTask");

    [Fact]
    public void TheDurableExtensionRunsFewActivitiesAtOncePerInstance()
    {
        int activities = DurableTask.GetProperty("maxConcurrentActivityFunctions").GetInt32();

        Assert.InRange(activities, 1, 4);
        Assert.InRange(DurableTask.GetProperty("maxConcurrentOrchestratorFunctions").GetInt32(), 1, 20);
        Assert.Equal(("mlops", "AzureStorage"), (DurableTask.GetProperty("hubName").GetString(), DurableTask.GetProperty("storageProvider").GetProperty("type").GetString()));
    }

    [Fact]
    public void QueueVisibilityPollingAndSessionsKeepTheExtensionDefaults()
    {
        JsonElement provider = DurableTask.GetProperty("storageProvider");

        Assert.False(provider.TryGetProperty("controlQueueVisibilityTimeout", out _));
        Assert.False(provider.TryGetProperty("workItemQueueVisibilityTimeout", out _));
        Assert.False(provider.TryGetProperty("maxQueuePollingInterval", out _));
        Assert.False(DurableTask.TryGetProperty("extendedSessionsEnabled", out JsonElement sessions) && sessions.GetBoolean());
    }

    private static JsonElement Load()
    {
        using JsonDocument document = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Find(), "host.json")));
        return document.RootElement.Clone();
    }
}
