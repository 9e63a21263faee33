using Microsoft.DurableTask;
using MLOps.Activities.Experiments;
using MLOps.Core.Experiments;
using MLOps.Orchestrations.Platform;

namespace MLOps.Orchestrations;

/// <summary>
/// One stage (or chunk of a stage) of a hyper-parameter search, as a sub-orchestration: ask the strategy for as
/// many proposals as the budget's parallelism allows, run them as a fan-out of trial activities, feed the results
/// back, until the budget is spent, the space is exhausted or the acceptance threshold is met. The strategies
/// are pure functions of the results in history, so replay proposes exactly the same trials.
/// </summary>
public sealed class HyperparameterSearchOrchestrator : TaskOrchestrator<SearchStageRequest, SearchStageResult>
{
    public override async Task<SearchStageResult> RunAsync(TaskOrchestrationContext context, SearchStageRequest input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        ExperimentPlan plan = input.Plan;
        ISearchStrategy strategy = SearchStrategies.Create(input.Stage.Strategy);
        var budget = new SearchBudget(input.Stage.Trials, plan.MaxParallel, plan.StopWhenThresholdMet, plan.ScoreThreshold);

        // Each strategy draws from its own stream, so the random stage and TPE's random start-up do not repeat each other.
        long seed = plan.Seed + (((long)input.Stage.Strategy + 1) * 1_000_003);
        var outcomes = new List<TrialOutcome>(input.Prior);
        while (true)
        {
            var state = new SearchState(plan.Spaces, seed, outcomes.Select(o => o.Result).ToArray());
            SearchStep step = SearchController.Next(strategy, budget, state);
            if (step.Stop || step.Proposals.Count == 0)
            {
                return new SearchStageResult(input.Stage.Strategy, outcomes.Skip(input.Prior.Count).ToArray(), step.Reason);
            }

            IReadOnlyList<double>[] completed = outcomes
                .Where(o => o.Result is { Status: TrialStatus.Completed, IntermediateValues: not null })
                .Select(o => o.Result.IntermediateValues!)
                .ToArray();
            TrialOutcome[] batch = await Task.WhenAll(step.Proposals.Select(p => context.CallActivityAsync<TrialOutcome>(
                nameof(RunTrialActivity), new TrialRequest(plan, input.Stage.Strategy, p, completed), RetryPolicies.Platform)));
            outcomes.AddRange(batch);
            context.SetCustomStatus(new Core.Pipelines.PipelineProgress(
                input.Stage.Strategy.ToString(), outcomes.Count, input.Stage.Trials, $"best {outcomes.Where(o => o.Result.Status == TrialStatus.Completed).Select(o => o.Result.Score).DefaultIfEmpty().Max():F4}"));
        }
    }
}
