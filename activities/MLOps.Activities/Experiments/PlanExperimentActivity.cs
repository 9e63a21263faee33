using Microsoft.DurableTask;
using MLOps.Core.Experiments;
using MLOps.Training.Experiments;

namespace MLOps.Activities.Experiments;

/// <summary>Resolves an experiment request against the registered project and the feature store.</summary>
public sealed class PlanExperimentActivity(ExperimentPlanner planner) : TaskActivity<ExperimentStart, ExperimentPlan>
{
    public override Task<ExperimentPlan> RunAsync(TaskActivityContext context, ExperimentStart input) =>
        planner.PlanAsync(input);
}
