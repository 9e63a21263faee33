namespace MLOps.Triggers.Launching;

/// <summary>What an existing instance with the same id means for a new start.</summary>
public enum StartPolicy
{
    /// <summary>Any existing instance makes the start a duplicate (events, landed blobs, schedules, caller ids).</summary>
    Once,

    /// <summary>
    /// A run that failed or was terminated may be started again under its id; one in flight or completed makes the
    /// start a duplicate (a resubmitted spec must not be blocked forever by a run that failed).
    /// </summary>
    AgainAfterFailure,
}
