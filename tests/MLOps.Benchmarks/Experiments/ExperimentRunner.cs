using System.Diagnostics;
using Microsoft.DurableTask.Client;
using MLOps.Core.Experiments;
using MLOps.Core.Pipelines;

namespace MLOps.Benchmarks.Experiments;

/// <summary>Schedules one experiment pipeline and times it from scheduling until the client sees it completed.</summary>
public static class ExperimentRunner
{
    /// <summary>The same seed in every run, so runs of one group propose the same trials.</summary>
    public const long Seed = 42;

    public const int Folds = 3;

    public static async Task<ExperimentRunResult> RunAsync(
        DurableTaskClient client, string project, ExperimentCase experiment, int round, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(experiment);
        var request = new ExperimentRequest(
            Project: project,
            // Distinct names, so the runs of the two configurations are tracked apart and never collide.
            Experiment: $"{project}-{experiment.Group}-p{experiment.MaxParallel}-r{round}",
            Algorithms: SmallSearchSpaces.Algorithms,
            Search: experiment.Search,
            Spaces: SmallSearchSpaces.Spaces,
            Folds: Folds,
            MaxParallel: experiment.MaxParallel,
            Seed: Seed,
            // Median stopping judges a trial against the trials completed before its batch was proposed, so with it
            // the sequential run would stop different trials than the fanned-out one: not the same work.
            MedianStopping: false,
            RequestedBy: "benchmark");

        CpuTime cpu = CpuTime.Now();
        var clock = Stopwatch.StartNew();
        string instanceId = await client.ScheduleNewOrchestrationInstanceAsync(OrchestratorNames.Experiment, request, cancellationToken);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        OrchestrationMetadata done;
        try
        {
            done = await client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true, deadline.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new ExperimentRunResult(experiment, round, null, 0, 0, null, null, CpuTime.Now() - cpu, $"timed out after {timeout.TotalMinutes} min");
        }

        TimeSpan wall = clock.Elapsed;
        cpu = CpuTime.Now() - cpu;
        if (done.RuntimeStatus != OrchestrationRuntimeStatus.Completed)
        {
            return new ExperimentRunResult(experiment, round, null, 0, 0, null, null, cpu, $"ended {done.RuntimeStatus}: {done.FailureDetails?.ErrorMessage}");
        }

        ExperimentReport report = done.ReadOutputAs<ExperimentReport>()
            ?? throw new InvalidOperationException($"Experiment {instanceId} completed without a report.");
        return new ExperimentRunResult(experiment, round, wall, report.TrialsRun, report.TrialsStopped, report.BestRunId,
            report.Candidate.HoldoutMetrics.TryGetValue("Auc", out double auc) ? auc : null, cpu, null);
    }
}
