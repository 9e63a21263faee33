using Microsoft.DurableTask;
using MLOps.Core.DataEngineering;

namespace MLOps.Activities.DataEngineering;

/// <summary>Profiles one column group of one row chunk of a snapshot (a cell of the fan-out).</summary>
public sealed class ProfileChunkActivity(SnapshotProfiler profiler) : TaskActivity<ProfileChunkRequest, string>
{
    public override Task<string> RunAsync(TaskActivityContext context, ProfileChunkRequest input) =>
        profiler.ProfileChunkAsync(input);
}
