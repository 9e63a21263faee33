namespace MLOps.Triggers.Launching;

/// <summary>
/// Makes starting a run with a known instance id atomic across callers, hosts and retries: looking the instance
/// up and then scheduling it is a race (ten identical requests at once all saw no instance and all started it),
/// so exactly one caller may claim each (instance id, generation) and only the claimant schedules and audits.
/// </summary>
public interface IStartClaims
{
    /// <summary>
    /// True for exactly one caller per <paramref name="instanceId"/> and <paramref name="generation"/> (the run
    /// being replaced, or none), unless that caller's claim is older than <paramref name="staleAfter"/>: a claimant
    /// that died before it scheduled the run must not block the id forever.
    /// </summary>
    Task<bool> TryClaimAsync(string instanceId, string generation, TimeSpan staleAfter, CancellationToken cancellationToken = default);

    /// <summary>
    /// Lets a claim go once its run is scheduled (or the backend refused it): from then on the backend's own
    /// record of the instance refuses a second start, so claims do not pile up.
    /// </summary>
    Task ReleaseAsync(string instanceId, string generation, CancellationToken cancellationToken = default);
}
