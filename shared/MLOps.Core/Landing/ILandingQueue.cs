namespace MLOps.Core.Landing;

/// <summary>
/// The ledger of landed files per project. Data may land before the project's spec is registered: such a file is
/// recorded as waiting instead of failing a pipeline run, and the newest waiting file runs once the spec is
/// registered. Every write is keyed by the blob's name and ETag, so a redelivered trigger changes nothing.
/// </summary>
public interface ILandingQueue
{
    /// <summary>
    /// Start, or hold: a file of an unregistered project is recorded as waiting; a superseded one stays so (a restarted
    /// watcher sees every blob again and must not run files that were passed over).
    /// </summary>
    Task<LandingAdmission> AdmitAsync(LandingBlob blob, CancellationToken cancellationToken = default);

    Task RecordStartedAsync(LandingBlob blob, string instanceId, CancellationToken cancellationToken = default);

    /// <summary>The project's newest waiting file, the older waiting ones marked superseded by it; null when none waits.</summary>
    Task<LandedFile?> TakeNewestWaitingAsync(string project, CancellationToken cancellationToken = default);

    /// <summary>Every file recorded for the project, newest first.</summary>
    Task<IReadOnlyList<LandedFile>> ListAsync(string project, CancellationToken cancellationToken = default);
}
