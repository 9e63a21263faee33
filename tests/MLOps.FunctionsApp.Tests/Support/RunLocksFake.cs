using MLOps.Triggers.Launching;

namespace MLOps.FunctionsApp.Tests.Support;

/// <summary>Run locks in memory, with the blob-backed ones' rule: a resource is refused while its holder is in flight.</summary>
internal sealed class RunLocksFake : IRunLocks
{
    private readonly Dictionary<string, string> holders = new(StringComparer.Ordinal);

    public async Task<RunLockHolder?> TryAcquireAsync(
        IReadOnlyList<string> resources, string instanceId, Func<string, CancellationToken, Task<bool?>> isRunning, TimeSpan staleAfter,
        CancellationToken cancellationToken = default)
    {
        foreach (string resource in resources)
        {
            if (this.holders.TryGetValue(resource, out string? holder) && holder != instanceId && await isRunning(holder, cancellationToken) != false)
            {
                return new RunLockHolder(resource, holder);
            }
        }

        foreach (string resource in resources)
        {
            this.holders[resource] = instanceId;
        }

        return null;
    }
}
