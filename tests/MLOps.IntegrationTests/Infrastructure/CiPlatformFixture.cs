using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using MLOps.Core.Events;
using MLOps.LocalHost.Workers;

namespace MLOps.IntegrationTests.Infrastructure;

/// <summary>
/// The platform with the route the registry's <c>ModelRegistered</c> event takes in production: every committed model
/// version starts continuous integration on the host's own webhook, and its builds run on the host's ONNX worker.
/// Every platform event also goes through <see cref="Events"/>, so a test can read what was announced.
/// </summary>
public sealed class CiPlatformFixture : PlatformFixture
{
    internal RecordingPublisher Events => (RecordingPublisher)this.Services.GetRequiredService<IPlatformEventPublisher>();

    /// <summary>Waits until the host's local ONNX workers have joined its pool (a build needs one).</summary>
    public Task WorkersJoinedAsync() => this.Services.GetRequiredService<LocalWorkers>().Joined.WaitAsync(TimeSpan.FromMinutes(2));

    protected override void Configure(Dictionary<string, string?> settings, WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(builder);
        settings.Remove(ModelRegisteredRoute);
        builder.Services.AddSingleton<IPlatformEventPublisher>(sp => new RecordingPublisher(ActivatorUtilities.CreateInstance<EventGridPlatformEventPublisher>(sp)));
    }
}

[CollectionDefinition(Name)]
public sealed class CiCollection : ICollectionFixture<CiPlatformFixture>
{
    public const string Name = "ci";
}
