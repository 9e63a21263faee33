using Microsoft.DurableTask;
using MLOps.Activities.DataEngineering;
using MLOps.Activities.FeatureStore;
using MLOps.Activities.Requirements;
using MLOps.Core.DataEngineering;
using MLOps.Core.DataEngineering.Validation;
using MLOps.Core.FeatureStore;
using MLOps.Core.Pipelines;
using MLOps.Core.Projects;
using MLOps.Orchestrations.Platform;

namespace MLOps.Orchestrations;

/// <summary>
/// Pipeline 2 of the guide, data engineering: ingest the landed file under the project's registered contract,
/// profile it (fanned out over row chunks and column groups), validate it, clean it and engineer its features
/// into a new feature-set version, then serve that version online, check online equals offline, compute its
/// feature statistics and record its lineage (fanned out). A landed blob overwritten before it was ingested ends the
/// run as completed and superseded (no output, the reason in its status and audit record): its new version has a run
/// of its own, and nothing failed.
/// </summary>
public sealed class DataEngineeringOrchestrator : TaskOrchestrator<DataEngineeringRequest, DataEngineeringReport?>
{
    private const int Steps = 6;

    private static readonly TaskOptions Retry = RetryPolicies.Platform;

    public override Task<DataEngineeringReport?> RunAsync(TaskOrchestrationContext context, DataEngineeringRequest input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        string? superseded = null;
        return PipelineRun.RunAsync<DataEngineeringReport?>(context, PipelineNames.DataEngineering, async () =>
        {
            context.SetCustomStatus(new PipelineProgress("ingest", 0, Steps, input.BlobName));
            ProjectRegistration project = await context.CallActivityAsync<ProjectRegistration>(nameof(ResolveProjectActivity), input.Project, Retry);
            IngestedFile ingested;
            try
            {
                ingested = await context.CallActivityAsync<IngestedFile>(nameof(IngestLandingBlobActivity), input, Retry);
            }
            catch (TaskFailedException ex) when (ex.FailureDetails.IsCausedBy<LandingBlobSupersededException>())
            {
                superseded = ex.FailureDetails.ErrorMessage;
                context.SetCustomStatus(new PipelineProgress("superseded", Steps, Steps, superseded));
                return null;
            }

            context.SetCustomStatus(new PipelineProgress("profile", 1, Steps, ingested.SnapshotBlob));
            ProfileSummary profile = await ProfileAsync(context, ingested);

            context.SetCustomStatus(new PipelineProgress("validate", 2, Steps, profile.ProfileBlob));
            QualitySummary quality = await context.CallActivityAsync<QualitySummary>(
                nameof(ValidateSnapshotActivity), new ValidateSnapshotRequest(ingested, project.SpecBlob), Retry);
            if (quality.Status == QualityStatus.Failed)
            {
                throw new PipelineFailedException(
                    $"'{input.BlobName}' broke {quality.Failed.Count} hard data rule(s) of {project.Project} v{project.Version} (report {quality.ReportBlob}): {string.Join("; ", quality.Failed)}");
            }

            context.SetCustomStatus(new PipelineProgress("clean-and-engineer", 3, Steps, quality.ReportBlob));
            PublishedFeatureSet published = await context.CallActivityAsync<PublishedFeatureSet>(
                nameof(PublishFeatureSetActivity), new PublishFeatureSetRequest(ingested, project.SpecBlob, quality.ReportBlob), Retry);
            FeatureSetVersion version = published.Version;

            context.SetCustomStatus(new PipelineProgress("serve", 4, Steps, $"{version.Project} v{version.Version}"));
            Task<FeatureStatisticsSummary> statistics = context.CallActivityAsync<FeatureStatisticsSummary>(
                nameof(ComputeFeatureStatisticsActivity), new FeatureStatisticsRequest(version, project.SpecBlob), Retry);
            Task<int> lineage = context.CallActivityAsync<int>(nameof(RecordFeatureSetLineageActivity), version, Retry);
            MaterializationResult online = await context.CallActivityAsync<MaterializationResult>(nameof(MaterializeOnlineActivity), version, Retry);

            context.SetCustomStatus(new PipelineProgress("consistency", 5, Steps, version.DataBlob));
            ConsistencyReport consistency = await context.CallActivityAsync<ConsistencyReport>(nameof(CheckOnlineConsistencyActivity), version, Retry);
            await Task.WhenAll(statistics, lineage);

            context.SetCustomStatus(new PipelineProgress("completed", Steps, Steps, $"{version.Project} v{version.Version}"));
            return new DataEngineeringReport(
                project.Version, ingested, profile, quality, published, online, consistency, await statistics, await lineage);
        },
        _ => superseded);
    }

    /// <summary>One activity per (row chunk, column group), then one merge.</summary>
    private static async Task<ProfileSummary> ProfileAsync(TaskOrchestrationContext context, IngestedFile ingested)
    {
        IReadOnlyList<IReadOnlyList<string>> groups = ingested.ColumnGroups;
        var cells = new List<Task<string>>[ingested.Chunks];
        for (int chunk = 0; chunk < ingested.Chunks; chunk++)
        {
            cells[chunk] = [];
            for (int group = 0; group < groups.Count; group++)
            {
                cells[chunk].Add(context.CallActivityAsync<string>(
                    nameof(ProfileChunkActivity), new ProfileChunkRequest(ingested, chunk, group, groups[group]), Retry));
            }
        }

        await Task.WhenAll(cells.SelectMany(c => c));
        IReadOnlyList<string>[] partials = cells.Select(c => (IReadOnlyList<string>)c.Select(t => t.Result).ToArray()).ToArray();
        return await context.CallActivityAsync<ProfileSummary>(nameof(MergeProfileActivity), new ProfileMergeRequest(ingested, partials), Retry);
    }
}
