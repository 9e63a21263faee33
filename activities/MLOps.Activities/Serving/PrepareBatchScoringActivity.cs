using Microsoft.DurableTask;
using MLOps.Core.Serving.Batch;

namespace MLOps.Activities.Serving;

/// <summary>Fixes a batch run's deployment, snapshots its input with the landing reader and names its output.</summary>
public sealed class PrepareBatchScoringActivity(BatchScorer scorer) : TaskActivity<BatchScoringRequest, BatchScoringPlan>
{
    public override Task<BatchScoringPlan> RunAsync(TaskActivityContext context, BatchScoringRequest input) =>
        scorer.PrepareAsync(input);
}
