namespace MLOps.Core.Storage;

/// <summary>When abandoned staging blobs are swept (section <c>StagingSweep</c>).</summary>
public sealed class StagingSweepOptions
{
    public const string SectionName = "StagingSweep";

    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Only staging older than this is abandoned: far longer than any ingest, feature-set build or registration
    /// takes, so a sweep never deletes a file a live step is still writing or about to commit.
    /// </summary>
    public TimeSpan GracePeriod { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How often the embedded host sweeps after its start-up sweep (the Functions app's timer is fixed).</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(15);
}
