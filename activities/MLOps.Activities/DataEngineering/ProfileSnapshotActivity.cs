using Microsoft.DurableTask;
using MLOps.Core.DataEngineering;

namespace MLOps.Activities.DataEngineering;

/// <summary>Profiles a snapshot's columns and stores the profile beside it.</summary>
public sealed class ProfileSnapshotActivity(SnapshotProfiler profiler) : TaskActivity<IngestedFile, ProfileSummary>
{
    public override Task<ProfileSummary> RunAsync(TaskActivityContext context, IngestedFile input) =>
        profiler.ProfileAsync(input);
}
