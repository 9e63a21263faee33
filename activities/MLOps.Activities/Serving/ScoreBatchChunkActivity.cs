using Microsoft.DurableTask;
using MLOps.Core.Serving.Batch;

namespace MLOps.Activities.Serving;

/// <summary>Scores one chunk of a batch run's input on a ready worker and stages its lines (a cell of the fan-out).</summary>
public sealed class ScoreBatchChunkActivity(BatchScorer scorer) : TaskActivity<BatchChunkRequest, BatchChunkResult>
{
    public override Task<BatchChunkResult> RunAsync(TaskActivityContext context, BatchChunkRequest input) =>
        scorer.ScoreChunkAsync(input);
}
