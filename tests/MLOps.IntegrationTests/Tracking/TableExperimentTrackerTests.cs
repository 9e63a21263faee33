using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using MLOps.Core.Tracking;
using MLOps.IntegrationTests.Infrastructure;

namespace MLOps.IntegrationTests.Tracking;

[Collection(StorageCollection.Name)]
public sealed class TableExperimentTrackerTests(AzuriteFixture storage)
{
    private readonly TableExperimentTracker tracker = new(new TableServiceClient(storage.ConnectionString), new BlobServiceClient(storage.ConnectionString));

    [Fact]
    public async Task A_run_starts_logs_and_ends_and_a_retry_while_running_updates_the_same_run()
    {
        string project = NewProject();
        RunRecord started = await this.tracker.StartRunAsync(Start(project, "exp-t0001", "lightgbm", new() { ["lr"] = "0.1" }));
        await this.tracker.LogMetricsAsync(project, "exp-t0001", new Dictionary<string, double> { ["loss"] = 0.9 }, step: 1);
        await this.tracker.LogMetricsAsync(project, "exp-t0001", new Dictionary<string, double> { ["loss"] = 0.5 }, step: 2);

        // The activity is retried from the start before the run ended: the same run is reused, nothing is duplicated.
        RunRecord restarted = await this.tracker.StartRunAsync(Start(project, "exp-t0001", "lightgbm", new() { ["lr"] = "0.1", ["leaves"] = "31" }));
        await this.tracker.LogMetricsAsync(project, "exp-t0001", new Dictionary<string, double> { ["loss"] = 0.4 }, step: 2);
        await this.tracker.LogMetricsAsync(project, "exp-t0001", new Dictionary<string, double> { ["auc"] = 0.8, ["auc/fold0"] = 0.79, ["auc/fold1"] = 0.81 });
        string blob = await this.tracker.LogArtifactAsync(project, "exp-t0001", "plots/roc.json", BinaryData.FromString("{}"));
        RunRecord ended = await this.tracker.EndRunAsync(project, "exp-t0001", RunStatus.Completed);
        RunRecord run = (await this.tracker.GetRunAsync(project, "exp-t0001"))!;

        Assert.Equal(RunStatus.Running, started.Status);
        Assert.Equal((RunStatus.Completed, true), (ended.Status, ended.EndTime is not null));
        Assert.Equal(RunStatus.Running, restarted.Status);
        Assert.Equal(RunStatus.Completed, run.Status);
        Assert.Equal(started.StartTime, run.StartTime);
        Assert.Equal(("0.1", "31"), (run.Parameters["lr"], run.Parameters["leaves"]));
        Assert.Equal((0.4, 0.8, 0.79), (run.Metrics["loss"], run.Metrics["auc"], run.Metrics["auc/fold0"]));
        Assert.Equal([(1L, 0.9), (2L, 0.4)], run.MetricHistory["loss"].Select(p => (p.Step, p.Value)));
        Assert.Equal(["plots/roc.json"], run.Artifacts);
        Assert.Equal($"{project}/exp/exp-t0001/plots/roc.json", blob);
        Assert.Equal("{}", (await this.tracker.ReadArtifactAsync(project, "exp-t0001", "plots/roc.json"))!.ToString());
        Assert.NotNull(run.Environment);
        Assert.Equal(7, run.Seed);
        Assert.Equal((3, "fs3"), (run.FeatureSetVersion, run.FeatureSetSha256));
    }

    [Fact]
    public async Task A_finished_run_is_write_once_and_a_re_execution_changes_nothing()
    {
        string project = NewProject();
        await this.tracker.StartRunAsync(Start(project, "exp-t0002", "lightgbm", new() { ["lr"] = "0.1" }));
        await this.tracker.LogMetricsAsync(project, "exp-t0002", new Dictionary<string, double> { ["auc"] = 0.71 }, step: 0);
        await this.tracker.LogMetricsAsync(project, "exp-t0002", new Dictionary<string, double> { ["auc"] = 0.7 });
        await this.tracker.LogArtifactAsync(project, "exp-t0002", "model/model.onnx", BinaryData.FromString("first"));
        RunRecord finished = await this.tracker.EndRunAsync(project, "exp-t0002", RunStatus.Completed);
        ETag etag = await this.ETagAsync(project, "exp-t0002");

        // The whole trial delivered again (as after a storage outage): every call of the first execution, other values.
        RunRecord restarted = await this.tracker.StartRunAsync(Start(project, "exp-t0002", "lightgbm", new() { ["lr"] = "0.5" }));
        await this.tracker.LogMetricsAsync(project, "exp-t0002", new Dictionary<string, double> { ["auc"] = 0.99 }, step: 0);
        await this.tracker.LogMetricsAsync(project, "exp-t0002", new Dictionary<string, double> { ["auc"] = 0.99 });
        await this.tracker.LogParametersAsync(project, "exp-t0002", new Dictionary<string, string> { ["lr"] = "0.5" });
        await this.tracker.LogArtifactAsync(project, "exp-t0002", "model/model.onnx", BinaryData.FromString("second"));
        RunRecord ended = await this.tracker.EndRunAsync(project, "exp-t0002", RunStatus.Failed);

        Assert.Equal(etag, await this.ETagAsync(project, "exp-t0002"));
        RunRecord run = (await this.tracker.GetRunAsync(project, "exp-t0002"))!;
        Assert.Equal((RunStatus.Completed, finished.EndTime), (run.Status, run.EndTime));
        Assert.Equal((RunStatus.Completed, RunStatus.Completed), (restarted.Status, ended.Status));
        Assert.Equal(("0.1", 0.7, 0.71), (run.Parameters["lr"], run.Metrics["auc"], Assert.Single(run.MetricHistory["auc"]).Value));
        Assert.Equal("first", (await this.tracker.ReadArtifactAsync(project, "exp-t0002", "model/model.onnx"))!.ToString());

        // A later step may still add what the run does not have (the candidate's holdout metrics on the best run).
        await this.tracker.LogMetricsAsync(project, "exp-t0002", new Dictionary<string, double> { ["holdout_auc"] = 0.72, ["auc"] = 0.5 });
        RunRecord annotated = (await this.tracker.GetRunAsync(project, "exp-t0002"))!;
        Assert.Equal((0.72, 0.7), (annotated.Metrics["holdout_auc"], annotated.Metrics["auc"]));
    }

    [Fact]
    public async Task An_artifact_is_readable_only_once_its_run_lists_it()
    {
        string project = NewProject();
        await this.tracker.StartRunAsync(Start(project, "exp-t0003", "lightgbm"));

        // What a crash between the upload and the listing leaves: the blob, but not the run's record of it.
        BlobContainerClient container = new BlobServiceClient(storage.ConnectionString).GetBlobContainerClient(TableExperimentTracker.ArtifactContainer);
        await container.CreateIfNotExistsAsync();
        await container.GetBlobClient($"{project}/exp/exp-t0003/model/parity.json").UploadAsync(BinaryData.FromString("half"), overwrite: true);

        Assert.Null(await this.tracker.ReadArtifactAsync(project, "exp-t0003", "model/parity.json"));
        await this.tracker.LogArtifactAsync(project, "exp-t0003", "model/parity.json", BinaryData.FromString("whole"));
        Assert.Equal("whole", (await this.tracker.ReadArtifactAsync(project, "exp-t0003", "model/parity.json"))!.ToString());
    }

    [Fact]
    public async Task Search_filters_orders_and_picks_the_best_run()
    {
        string project = NewProject();
        await this.CompletedAsync(project, "exp-t0001", "lightgbm", 0.71);
        await this.CompletedAsync(project, "exp-t0002", "fasttree", 0.86);
        await this.CompletedAsync(project, "exp-t0003", "lightgbm", 0.83);
        await this.tracker.StartRunAsync(Start(project, "exp-t0004", "lightgbm"));
        await this.tracker.LogMetricsAsync(project, "exp-t0004", new Dictionary<string, double> { ["auc"] = 0.99 });
        await this.tracker.StartRunAsync(Start(project, "other-t0001", "lightgbm") with { Experiment = "other" });

        IReadOnlyList<RunRecord> good = await this.tracker.SearchRunsAsync(
            project, new RunFilter { Experiment = "exp", Metric = MetricCondition.Parse("auc > 0.8"), OrderBy = "auc" });
        IReadOnlyList<RunRecord> completedLgbm = await this.tracker.SearchRunsAsync(
            project, new RunFilter { Status = RunStatus.Completed, Algorithm = "lightgbm", OrderBy = "auc", Descending = false });
        IReadOnlyList<RunRecord> top1 = await this.tracker.SearchRunsAsync(project, new RunFilter { OrderBy = "auc", Top = 1 });
        RunRecord? best = await this.tracker.BestRunAsync(project, "exp", "auc");
        RunRecord? worst = await this.tracker.BestRunAsync(project, "exp", "auc", higherIsBetter: false);

        Assert.Equal(["exp-t0004", "exp-t0002", "exp-t0003"], good.Select(r => r.RunId));
        Assert.Equal(["exp-t0001", "exp-t0003"], completedLgbm.Select(r => r.RunId));
        Assert.Equal("exp-t0004", Assert.Single(top1).RunId);
        Assert.Equal("exp-t0002", best!.RunId);
        Assert.Equal("exp-t0001", worst!.RunId);
        Assert.Null(await this.tracker.BestRunAsync(project, "exp", "f1"));
    }

    [Fact]
    public async Task Compare_lines_runs_up_over_the_union_of_their_keys()
    {
        string project = NewProject();
        await this.tracker.StartRunAsync(Start(project, "a", "lightgbm", new() { ["lr"] = "0.1" }));
        await this.tracker.StartRunAsync(Start(project, "b", "fasttree", new() { ["trees"] = "100" }));
        await this.tracker.LogMetricsAsync(project, "a", new Dictionary<string, double> { ["auc"] = 0.8, ["f1"] = 0.6 });
        await this.tracker.LogMetricsAsync(project, "b", new Dictionary<string, double> { ["auc"] = 0.9 });

        RunComparison comparison = await this.tracker.CompareRunsAsync(project, ["b", "a"]);

        Assert.Equal(["b", "a"], comparison.RunIds);
        Assert.Equal(["lr", "trees"], comparison.Parameters.Keys);
        Assert.Equal([null, "0.1"], comparison.Parameters["lr"]);
        Assert.Equal([0.9, 0.8], comparison.Metrics["auc"]);
        Assert.Equal([null, 0.6], comparison.Metrics["f1"]);
        await Assert.ThrowsAsync<RunNotFoundException>(() => this.tracker.CompareRunsAsync(project, ["a", "missing"]));
    }

    [Fact]
    public async Task Concurrent_loggers_keep_each_others_keys()
    {
        string project = NewProject();
        await this.tracker.StartRunAsync(Start(project, "par", "lightgbm"));

        await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            this.tracker.LogMetricsAsync(project, "par", new Dictionary<string, double> { [$"auc/fold{i}"] = i / 10.0 })));

        Assert.Equal(8, (await this.tracker.GetRunAsync(project, "par"))!.Metrics.Count);
    }

    private async Task<ETag> ETagAsync(string project, string runId) =>
        (await new TableServiceClient(storage.ConnectionString).GetTableClient("runs").GetEntityAsync<TableEntity>(project, runId)).Value.ETag;

    private static string NewProject() => "trk" + Guid.NewGuid().ToString("N")[..8];

    private static RunStart Start(string project, string runId, string algorithm, Dictionary<string, string>? parameters = null) => new()
    {
        Project = project,
        Experiment = "exp",
        RunId = runId,
        Algorithm = algorithm,
        Seed = 7,
        FeatureSetVersion = 3,
        FeatureSetSha256 = "fs3",
        Parameters = parameters,
    };

    private async Task CompletedAsync(string project, string runId, string algorithm, double auc)
    {
        await this.tracker.StartRunAsync(Start(project, runId, algorithm));
        await this.tracker.LogMetricsAsync(project, runId, new Dictionary<string, double> { ["auc"] = auc });
        await this.tracker.EndRunAsync(project, runId, RunStatus.Completed);
    }
}
