using Microsoft.DurableTask;
using Moq;
using MLOps.Activities.DataEngineering;
using MLOps.Core.DataEngineering;
using MLOps.Core.Pipelines;
using MLOps.Orchestrations;

namespace MLOps.UnitTests.Orchestrations;

public class DataEngineeringOrchestratorTests
{
    [Fact]
    public async Task Ingests_then_profiles_the_landed_blob_with_retries()
    {
        var context = new OrchestrationContextMock("data-1");
        var request = new DataEngineeringRequest("credit", "credit/c.csv", "\"0x1\"");
        var ingested = new IngestedFile("credit", "credit/c.csv", "\"0x1\"", "ab", 10, 2, ["a"], "credit/raw/ab.csv", true);
        context.Mock.Setup(c => c.CallActivityAsync<IngestedFile>(
                It.Is<TaskName>(n => n.Name == nameof(IngestLandingBlobActivity)), request, It.Is<TaskOptions?>(o => o != null && o.Retry != null)))
            .ReturnsAsync(ingested);
        var profile = new ProfileSummary("credit/profiles/ab.json", 2, [new ColumnSummary("a", MLOps.Core.DataEngineering.Profiling.ColumnType.Integer, 0, 2)]);
        context.Mock.Setup(c => c.CallActivityAsync<ProfileSummary>(
                It.Is<TaskName>(n => n.Name == nameof(ProfileSnapshotActivity)), ingested, It.Is<TaskOptions?>(o => o != null && o.Retry != null)))
            .ReturnsAsync(profile);

        DataEngineeringReport report = await new DataEngineeringOrchestrator().RunAsync(context.Object, request);

        Assert.Same(ingested, report.Ingested);
        Assert.Same(profile, report.Profile);
        Assert.Equal(["ingest", "profile", "completed"], context.Statuses.Select(s => s.Stage));
        Assert.Equal([PipelineState.Started, PipelineState.Completed], context.States);
        Assert.All(context.Lifecycle, e => Assert.Equal((PipelineNames.DataEngineering, "data-1"), (e.Pipeline, e.InstanceId)));
    }
}
