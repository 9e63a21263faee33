using Microsoft.DurableTask;
using MLOps.Core.Serving.Batch;

namespace MLOps.Activities.Serving;

/// <summary>Commits a batch run's staged chunks as its output, create-only (the fan-in).</summary>
public sealed class CommitBatchScoringActivity(BatchScorer scorer) : TaskActivity<BatchCommitRequest, BatchScoringReport>
{
    public override Task<BatchScoringReport> RunAsync(TaskActivityContext context, BatchCommitRequest input) =>
        scorer.CommitAsync(input);
}
