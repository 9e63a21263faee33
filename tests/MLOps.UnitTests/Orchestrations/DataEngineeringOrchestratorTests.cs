using Microsoft.DurableTask;
using Moq;
using MLOps.Activities.DataEngineering;
using MLOps.Activities.FeatureStore;
using MLOps.Activities.Requirements;
using MLOps.Core;
using MLOps.Core.DataEngineering;
using MLOps.Core.DataEngineering.Validation;
using MLOps.Core.FeatureStore;
using MLOps.Core.Pipelines;
using MLOps.Core.Projects;
using MLOps.Orchestrations;
using MLOps.Orchestrations.Platform;
using MLOps.UnitTests.Core.Requirements;

namespace MLOps.UnitTests.Orchestrations;

public class DataEngineeringOrchestratorTests
{
    private static readonly DataEngineeringRequest Request = new("credit", "credit/c.csv", "\"0x1\"");

    private static readonly IngestedFile Ingested = new(
        "credit", "credit/c.csv", "\"0x1\"", null, "ab", 100, 4, ["a", "b", "c"], "credit/raw/ab.csv", true,
        ChunkStarts: [6, 50], ColumnGroups: [["a", "b"], ["c"]]);

    private static readonly ProjectRegistration Project = new()
    {
        Project = "credit",
        Version = 3,
        SpecSha256 = "s",
        SpecBlob = "credit/specs/s.json",
        DesignDocumentBlob = "d",
        FeasibilityReportBlob = "f",
        Gates = MLOps.Core.Requirements.ProjectGates.From(SpecFixtures.CreditSpec),
        RegisteredAt = DateTimeOffset.UnixEpoch,
    };

    [Fact]
    public async Task Profiles_every_chunk_and_column_group_then_validates_publishes_and_serves()
    {
        OrchestrationContextMock context = Arrange(QualityStatus.PassedWithWarnings, out List<ProfileChunkRequest> cells);
        var version = new FeatureSetVersion
        {
            Project = "credit", Version = 1, Sha256 = "f", DataBlob = "credit/features/data/f.parquet", Rows = 4, EntityKey = "id",
            Features = ["x"], DefinitionsSha256 = "d", SourceBlob = "credit/c.csv", SourceETag = "\"0x1\"", RawSnapshotSha256 = "ab",
            CreatedAt = DateTimeOffset.UnixEpoch,
        };
        Setup(context, nameof(PublishFeatureSetActivity), new PublishedFeatureSet(version, true, "c.json", 4, 0, 0));
        Setup(context, nameof(MaterializeOnlineActivity), new MaterializationResult("credit", 1, 4, 4, 0));
        Setup(context, nameof(CheckOnlineConsistencyActivity), new ConsistencyReport("credit", 1, 4, 4, 0, [], [], []));
        Setup(context, nameof(ComputeFeatureStatisticsActivity), new FeatureStatisticsSummary(1, "s.json", null, ["x"], null));
        Setup(context, nameof(RecordFeatureSetLineageActivity), 4);

        DataEngineeringReport report = (await new DataEngineeringOrchestrator().RunAsync(context.Object, Request))!;

        Assert.Equal(["0:0:a,b", "0:1:c", "1:0:a,b", "1:1:c"], cells.Select(c => $"{c.Chunk}:{c.Group}:{string.Join(',', c.Columns)}").Order());
        Assert.Equal((3, 1, 4L), (report.ProjectVersion, report.FeatureSet.Version.Version, report.Online.Written));
        Assert.Equal(["ingest", "profile", "validate", "clean-and-engineer", "serve", "consistency", "completed"], context.Statuses.Select(s => s.Stage));
        Assert.Equal([PipelineState.Started, PipelineState.Completed], context.States);
    }

    [Fact]
    public async Task A_failed_hard_rule_stops_before_anything_is_published_and_names_the_rules()
    {
        OrchestrationContextMock context = Arrange(QualityStatus.Failed, out _);

        PipelineFailedException error = await Assert.ThrowsAsync<PipelineFailedException>(
            () => new DataEngineeringOrchestrator().RunAsync(context.Object, Request));

        Assert.Contains("Age.range", error.Message, StringComparison.Ordinal);
        Assert.Contains("credit v3", error.Message, StringComparison.Ordinal);
        Assert.Equal([PipelineState.Started, PipelineState.Failed], context.States);
        context.Mock.Verify(
            c => c.CallActivityAsync<PublishedFeatureSet>(It.Is<TaskName>(n => n.Name == nameof(PublishFeatureSetActivity)), It.IsAny<object?>(), It.IsAny<TaskOptions?>()),
            Times.Never);
    }

    [Fact]
    public void Rejected_input_is_not_retried_but_storage_errors_are()
    {
        Assert.True(RetryPolicies.IsRejection(TaskFailureDetails.FromException(new DataRejectedException("bad file"))));
        Assert.False(RetryPolicies.IsRejection(TaskFailureDetails.FromException(new IOException("socket"))));
    }

    private static OrchestrationContextMock Arrange(QualityStatus status, out List<ProfileChunkRequest> cells)
    {
        var context = new OrchestrationContextMock("data-1");
        var seen = new List<ProfileChunkRequest>();
        cells = seen;
        Setup(context, nameof(ResolveProjectActivity), Project);
        Setup(context, nameof(IngestLandingBlobActivity), Ingested);
        context.Mock.Setup(c => c.CallActivityAsync<string>(
                It.Is<TaskName>(n => n.Name == nameof(ProfileChunkActivity)), It.IsAny<object?>(), It.Is<TaskOptions?>(o => o != null && o.Retry != null)))
            .Callback<TaskName, object?, TaskOptions?>((_, input, _) => seen.Add((ProfileChunkRequest)input!))
            .ReturnsAsync((TaskName _, object? input, TaskOptions? _) => $"p{((ProfileChunkRequest)input!).Chunk}{((ProfileChunkRequest)input!).Group}");
        Setup(context, nameof(MergeProfileActivity), new ProfileSummary("credit/profiles/ab.json", 4, []));
        Setup(context, nameof(ValidateSnapshotActivity), new QualitySummary(
            status, "q.json", "q.html", status == QualityStatus.Failed ? ["Age.range (Age in [18, 100]): expected …"] : [], []));
        return context;
    }

    private static void Setup<T>(OrchestrationContextMock context, string activity, T result) =>
        context.Mock.Setup(c => c.CallActivityAsync<T>(
                It.Is<TaskName>(n => n.Name == activity), It.IsAny<object?>(), It.Is<TaskOptions?>(o => o != null && o.Retry != null)))
            .ReturnsAsync(result);
}
