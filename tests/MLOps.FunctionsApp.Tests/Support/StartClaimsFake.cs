using System.Collections.Concurrent;
using MLOps.Triggers.Launching;

namespace MLOps.FunctionsApp.Tests.Support;

/// <summary>Start claims in memory: the first claim of an id and generation wins, as the blob-backed ones do.</summary>
internal sealed class StartClaimsFake : IStartClaims
{
    private readonly ConcurrentDictionary<(string, string), bool> claims = new();

    public Task<bool> TryClaimAsync(string instanceId, string generation, TimeSpan staleAfter, CancellationToken cancellationToken = default) =>
        Task.FromResult(this.claims.TryAdd((instanceId, generation), true));

    public Task ReleaseAsync(string instanceId, string generation, CancellationToken cancellationToken = default)
    {
        this.claims.TryRemove((instanceId, generation), out _);
        return Task.CompletedTask;
    }
}
