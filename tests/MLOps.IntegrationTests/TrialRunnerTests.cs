using Microsoft.Extensions.DependencyInjection;
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

        // The same over HTTP, as a user would ask for it.
        ApiResponse answered = await platform.SendAsync(HttpMethod.Post, $"api/projects/{plan.Project}/runs/{trial.RunId}/reproduce", TestKeys.DataScientist);
        Assert.Equal(System.Net.HttpStatusCode.OK, answered.Status);
        Assert.True(answered.Json.GetProperty("reproducedWithin1e9").GetBoolean());
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await platform.SendAsync(HttpMethod.Post, $"api/projects/{plan.Project}/runs/no-such-run/reproduce", TestKeys.DataScientist)).Status);
    }

    private TrialRunner Runner => platform.Services.GetRequiredService<TrialRunner>();

    private IExperimentTracker Tracker => platform.Services.GetRequiredService<IExperimentTracker>();

    private async Task<ExperimentPlan> PlanAsync()
    {
        string project = Projects.NewName("trial");
        await platform.CreditFeatureSetAsync(project);
        return await platform.Services.GetRequiredService<ExperimentPlanner>().PlanAsync(
            new ExperimentStart(new ExperimentRequest(project, Folds: 5), "test-" + project));
    }
}
