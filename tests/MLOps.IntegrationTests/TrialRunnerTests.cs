using Azure;
using Azure.Data.Tables;
using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;
using MLOps.Activities.Experiments;
using MLOps.Core.Experiments;
using MLOps.Core.Tracking;
using MLOps.IntegrationTests.Infrastructure;
using MLOps.Training.Experiments;

namespace MLOps.IntegrationTests;

/// <summary>Trials on the real credit feature set with the real tracker: median stopping and reproduction.</summary>
[Collection(PlatformCollection.Name)]
public class TrialRunnerTests(PlatformFixture platform)
{
    private static readonly Dictionary<string, string> Logistic = new() { ["L1Regularization"] = "0.1", ["L2Regularization"] = "0.1" };

    [Fact]
    public async Task A_trial_behind_the_median_of_completed_trials_stops_after_its_first_fold()
    {
        ExperimentPlan plan = await this.PlanAsync();
        var proposal = new TrialProposal(0, "LogisticRegression", Logistic);

        // Five completed trials that scored 0.99 on every fold: no real model on this data comes near.
        IReadOnlyList<double>[] strong = [.. Enumerable.Repeat<IReadOnlyList<double>>([0.99, 0.99, 0.99, 0.99, 0.99], 5)];
        TrialOutcome stopped = await this.Runner.RunAsync(new TrialRequest(plan, SearchStrategyKind.Random, proposal, strong));
        TrialOutcome full = await this.Runner.RunAsync(new TrialRequest(plan, SearchStrategyKind.Grid, proposal, []));

        Assert.Equal(TrialStatus.Stopped, stopped.Result.Status);
        Assert.Single(stopped.Result.IntermediateValues!);
        Assert.Equal(TrialStatus.Completed, full.Result.Status);
        Assert.Equal(plan.Folds, full.Result.IntermediateValues!.Count);
        RunRecord run = (await this.Tracker.GetRunAsync(plan.Project, stopped.RunId))!;
        Assert.Equal(RunStatus.Stopped, run.Status);

        // Every run says which holdout it never saw: the one the feature set records.
        Assert.Equal(("Stratified", "0.2", "42", "891"), (run.Tags["holdoutStrategy"], run.Tags["holdoutFraction"], run.Tags["holdoutSeed"], run.Tags["holdoutRows"]));
        Assert.False(run.Tags.ContainsKey("holdoutModulus"));
    }

    [Fact]
    public async Task A_recorded_run_reproduces_its_metrics_to_1e_9()
    {
        ExperimentPlan plan = await this.PlanAsync();
        TrialOutcome trial = await this.Runner.RunAsync(new TrialRequest(
            plan, SearchStrategyKind.Grid, new TrialProposal(1, "LightGbm", new Dictionary<string, string> { ["NumberOfIterations"] = "40", ["NumberOfLeaves"] = "8" }), []));

        RunReproduction again = await platform.Services.GetRequiredService<RunReproducer>().ReproduceAsync(plan.Project, trial.RunId);

        Assert.True(again.MaxDifference <= 1e-9, $"max difference {again.MaxDifference}");
        Assert.Equal(trial.Metrics["Auc"], again.Reproduced["Auc"], 9);

        // The same over HTTP, as a user would ask for it: a pipeline answered with 202 and its status URL, never training in the request.
        ApiResponse answered = await platform.SendAsync(HttpMethod.Post, $"api/projects/{plan.Project}/runs/{trial.RunId}/reproduce", TestKeys.DataScientist);
        Assert.Equal(System.Net.HttpStatusCode.Accepted, answered.Status);
        Assert.Equal("reproduce", answered.Json.GetProperty("pipeline").GetString());
        Assert.Equal(answered.Json.GetProperty("statusQueryGetUri").GetString(), answered.Headers.Location!.ToString());
        System.Text.Json.JsonElement done = await platform.WaitForEndAsync(answered.Json.GetProperty("id").GetString()!, TimeSpan.FromMinutes(2));
        Assert.Equal("Completed", done.GetProperty("runtimeStatus").GetString());
        Assert.True(done.GetProperty("output").GetProperty("maxDifference").GetDouble() <= 1e-9);
        Assert.Equal(trial.Metrics["Auc"], done.GetProperty("output").GetProperty("reproduced").GetProperty("Auc").GetDouble(), 9);

        // What is knowable without training is answered at once: an unknown run, a run that never completed.
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await platform.SendAsync(HttpMethod.Post, $"api/projects/{plan.Project}/runs/no-such-run/reproduce", TestKeys.DataScientist)).Status);
        await this.Tracker.StartRunAsync(new RunStart { Project = plan.Project, Experiment = "manual", RunId = "still-running", Algorithm = "LightGbm", Seed = 1 });
        ApiResponse running = await platform.SendAsync(HttpMethod.Post, $"api/projects/{plan.Project}/runs/still-running/reproduce", TestKeys.DataScientist);
        Assert.Equal(System.Net.HttpStatusCode.Conflict, running.Status);
        Assert.Contains("Running", running.Json.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, (await platform.SendAsync(HttpMethod.Post, $"api/projects/{plan.Project}/runs/{trial.RunId}/reproduce", TestKeys.Business)).Status);
    }

    [Fact]
    public async Task A_trial_delivered_again_after_its_run_finished_returns_the_recorded_outcome_and_rewrites_nothing()
    {
        ExperimentPlan plan = await this.PlanAsync();
        var request = new TrialRequest(plan, SearchStrategyKind.Grid, new TrialProposal(2, "LogisticRegression", Logistic), []);
        var activity = new RunTrialActivity(this.Runner, this.Tracker);

        TrialOutcome first = await activity.RunAsync(new NoContext(), request);
        RunRecord finished = (await this.Tracker.GetRunAsync(plan.Project, first.RunId))!;
        ETag etag = await this.ETagAsync(plan.Project, first.RunId);
        TrialOutcome again = await activity.RunAsync(new NoContext(), request);

        Assert.Equal(etag, await this.ETagAsync(plan.Project, first.RunId));
        Assert.Equal(finished.EndTime, (await this.Tracker.GetRunAsync(plan.Project, first.RunId))!.EndTime);
        Assert.Equal((first.RunId, first.Stage, first.Result.Status, first.Result.Score), (again.RunId, again.Stage, again.Result.Status, again.Result.Score));
        Assert.Equal(first.Result.IntermediateValues, again.Result.IntermediateValues);
        Assert.Equal(first.Metrics.OrderBy(m => m.Key), again.Metrics.OrderBy(m => m.Key));
        Assert.Equal(plan.Folds, again.Result.IntermediateValues!.Count);
    }

    private TrialRunner Runner => platform.Services.GetRequiredService<TrialRunner>();

    private async Task<ETag> ETagAsync(string project, string runId) =>
        (await new TableServiceClient(platform.Storage.ConnectionString).GetTableClient("runs").GetEntityAsync<TableEntity>(project, runId)).Value.ETag;

    private IExperimentTracker Tracker => platform.Services.GetRequiredService<IExperimentTracker>();

    private async Task<ExperimentPlan> PlanAsync()
    {
        string project = Projects.NewName("trial");
        await platform.CreditFeatureSetAsync(project);
        return await platform.Services.GetRequiredService<ExperimentPlanner>().PlanAsync(
            new ExperimentStart(new ExperimentRequest(project, Folds: 5), "test-" + project));
    }

    private sealed class NoContext : TaskActivityContext
    {
        public override TaskName Name => new(nameof(RunTrialActivity));

        public override string InstanceId => "test";
    }
}
