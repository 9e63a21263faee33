using Microsoft.DurableTask;
using MLOps.Core.Experiments;
using MLOps.Training.Experiments;

namespace MLOps.Activities.Experiments;

/// <summary>Cross-validates one hyper-parameter proposal and tracks it as a run.</summary>
public sealed class RunTrialActivity(TrialRunner runner) : TaskActivity<TrialRequest, TrialOutcome>
{
    public override Task<TrialOutcome> RunAsync(TaskActivityContext context, TrialRequest input) =>
        runner.RunAsync(input);
}
