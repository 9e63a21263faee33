using Microsoft.DurableTask;
using MLOps.Core.Integration.Builds;

namespace MLOps.Activities.Integration;

/// <summary>Writes the build's record and report, its lineage and registry state, and publishes PackageBuilt or BuildFailed.</summary>
public sealed class RecordBuildActivity(BuildRecorder recorder) : TaskActivity<BuildRecordRequest, IntegrationBuild>
{
    public override Task<IntegrationBuild> RunAsync(TaskActivityContext context, BuildRecordRequest input) =>
        recorder.RecordAsync(input);
}
