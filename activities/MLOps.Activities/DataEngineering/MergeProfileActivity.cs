using Microsoft.DurableTask;
using MLOps.Core.DataEngineering;

namespace MLOps.Activities.DataEngineering;

/// <summary>Merges the partial profiles of a snapshot into its profile (the fan-in).</summary>
public sealed class MergeProfileActivity(SnapshotProfiler profiler) : TaskActivity<ProfileMergeRequest, ProfileSummary>
{
    public override Task<ProfileSummary> RunAsync(TaskActivityContext context, ProfileMergeRequest input) =>
        profiler.MergeAsync(input);
}
