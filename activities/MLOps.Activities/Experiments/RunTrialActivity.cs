using Microsoft.DurableTask;
using MLOps.Core.Experiments;
using MLOps.Core.Tracking;
using MLOps.Training.Experiments;

namespace MLOps.Activities.Experiments;

/// <summary>
/// Cross-validates one hyper-parameter proposal and tracks it as a run. Delivered again after its run finished, it
/// returns the recorded outcome and trains nothing: a finished run is never rewritten.
/// </summary>
public sealed class RunTrialActivity(TrialRunner runner, IExperimentTracker tracker) : TaskActivity<TrialRequest, TrialOutcome>
{
    public override async Task<TrialOutcome> RunAsync(TaskActivityContext context, TrialRequest input)
    {
        ArgumentNullException.ThrowIfNull(input);
        RunRecord? run = await tracker.GetRunAsync(input.Plan.Project, input.Plan.RunId(input.Stage, input.Proposal.TrialNumber));
        return RecordedTrial.From(run, input) ?? await runner.RunAsync(input);
    }
}
