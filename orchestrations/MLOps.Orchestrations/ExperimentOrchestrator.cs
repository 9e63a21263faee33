using Microsoft.DurableTask;
using MLOps.Activities.Experiments;
using MLOps.Core.Experiments;
using MLOps.Core.Pipelines;
using MLOps.Orchestrations.Platform;

namespace MLOps.Orchestrations;

/// <summary>
/// Pipeline 3 of the guide, experiment: plan against the registered gates and a feature-set version, search
/// hyper-parameters stage by stage (grid, random, Bayesian, genetic; each stage a chain of sub-orchestrations of
/// at most <see cref="ChunkTrials"/> trials), refit the best trial, check it on the holdout and its ONNX export
/// for parity, and register it as the model's challenger.
/// </summary>
public sealed class ExperimentOrchestrator : TaskOrchestrator<ExperimentRequest, ExperimentReport>
{
    /// <summary>Trials per sub-orchestration: keeps each history short however large the search.</summary>
    public const int ChunkTrials = 32;

    public override Task<ExperimentReport> RunAsync(TaskOrchestrationContext context, ExperimentRequest input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        return PipelineRun.RunAsync(context, PipelineNames.Experiment, async () =>
        {
            ExperimentPlan plan = await context.CallActivityAsync<ExperimentPlan>(
                nameof(PlanExperimentActivity), new ExperimentStart(input, context.InstanceId), RetryPolicies.Platform);
            int total = plan.Stages.Count + 3;
            var stages = new List<StageSummary>();
            var trials = new List<TrialOutcome>();
            foreach (SearchStage stage in plan.Stages)
            {
                context.SetCustomStatus(new PipelineProgress($"search-{stage.Strategy.ToString().ToLowerInvariant()}", stages.Count + 1, total, plan.Experiment));
                SearchStageResult result = await SearchStageAsync(context, plan, stage);
                trials.AddRange(result.Trials);
                stages.Add(Summarize(result));
                if (result.StopReason == SearchStopReason.ThresholdMet)
                {
                    // The gate is met and the request said to stop there: the remaining stages are not run.
                    break;
                }
            }

            TrialOutcome best = TrialOutcome.Best(trials)
                ?? throw new PipelineFailedException($"No trial of experiment {plan.Experiment} completed; see its runs in the tracker.");

            context.SetCustomStatus(new PipelineProgress("candidate", total - 2, total, best.RunId));
            CandidateModel candidate = await context.CallActivityAsync<CandidateModel>(
                nameof(TrainCandidateActivity), new CandidateRequest(plan, best), RetryPolicies.Platform);
            if (!candidate.ParityPassed)
            {
                throw new PipelineFailedException(
                    $"Candidate {best.RunId} rejected: its ONNX export does not reproduce ML.NET's scores ({candidate.ParityReason}).");
            }

            context.SetCustomStatus(new PipelineProgress("register", total - 1, total, best.RunId));
            RegisteredCandidate registered = await context.CallActivityAsync<RegisteredCandidate>(
                nameof(RegisterCandidateActivity), new RegisterCandidateRequest(plan, candidate), RetryPolicies.Platform);
            context.SetCustomStatus(new PipelineProgress("completed", total, total, registered.Uri));
            return new ExperimentReport(
                plan.Experiment, plan.FeatureSet.Version, stages, trials.Count, trials.Count(t => t.Result.Status == TrialStatus.Stopped),
                best.RunId, candidate, registered);
        });
    }

    private static async Task<SearchStageResult> SearchStageAsync(TaskOrchestrationContext context, ExperimentPlan plan, SearchStage stage)
    {
        var outcomes = new List<TrialOutcome>();
        SearchStopReason reason = SearchStopReason.None;
        foreach (TrialChunk chunk in TrialChunks.Split(stage.Trials, ChunkTrials))
        {
            SearchStageResult part = await context.CallSubOrchestratorAsync<SearchStageResult>(
                nameof(HyperparameterSearchOrchestrator),
                new SearchStageRequest(plan, stage with { Trials = chunk.Start + chunk.Count }, outcomes.ToArray()),
                new SubOrchestrationOptions { InstanceId = InstanceIds.SearchChunk(context.InstanceId, stage.Strategy, chunk.Index) });
            outcomes.AddRange(part.Trials);
            reason = part.StopReason;
            if (reason is SearchStopReason.ThresholdMet or SearchStopReason.SpaceExhausted)
            {
                break;
            }
        }

        return new SearchStageResult(stage.Strategy, outcomes, reason);
    }

    private static StageSummary Summarize(SearchStageResult result)
    {
        TrialOutcome? best = TrialOutcome.Best(result.Trials);
        return new StageSummary(
            result.Strategy, result.Trials.Count, result.Trials.Count(t => t.Result.Status == TrialStatus.Stopped),
            best?.Result.Score, best?.RunId, result.StopReason);
    }
}
