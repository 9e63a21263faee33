using Microsoft.DurableTask;
using MLOps.Activities.DataEngineering;
using MLOps.Core.DataEngineering;
using MLOps.Core.Pipelines;
using MLOps.Orchestrations.Platform;

namespace MLOps.Orchestrations;

/// <summary>Pipeline 2 of the guide, data engineering: ingest the landed file, snapshot it, profile it.</summary>
public sealed class DataEngineeringOrchestrator : TaskOrchestrator<DataEngineeringRequest, DataEngineeringReport>
{
    public override Task<DataEngineeringReport> RunAsync(TaskOrchestrationContext context, DataEngineeringRequest input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        return PipelineRun.RunAsync(context, PipelineNames.DataEngineering, async () =>
        {
            context.SetCustomStatus(new PipelineProgress("ingest", 0, 2, input.BlobName));
            IngestedFile ingested = await context.CallActivityAsync<IngestedFile>(
                nameof(IngestLandingBlobActivity), input, RetryPolicies.Platform);
            context.SetCustomStatus(new PipelineProgress("profile", 1, 2, ingested.SnapshotBlob));
            ProfileSummary profile = await context.CallActivityAsync<ProfileSummary>(
                nameof(ProfileSnapshotActivity), ingested, RetryPolicies.Platform);
            context.SetCustomStatus(new PipelineProgress("completed", 2, 2, profile.ProfileBlob));
            return new DataEngineeringReport(ingested, profile);
        });
    }
}
