using Microsoft.DurableTask;
using MLOps.Activities.Serving;
using MLOps.Core.Pipelines;
using MLOps.Core.Serving.Batch;
using MLOps.Orchestrations.Platform;

namespace MLOps.Orchestrations;

/// <summary>
/// The <c>batch-scoring</c> pipeline: prepare (the deployment fixed, the input snapshotted in record-aligned chunks),
/// score every chunk on the ready workers (fanned out; the custom status counts the chunks and records done), then
/// commit the chunks' staged lines as one output blob, create-only. An input already scored by the same package
/// has its output: the run reports it without scoring again.
/// </summary>
public sealed class BatchScoringOrchestrator : TaskOrchestrator<BatchScoringRequest, BatchScoringReport>
{
    public override Task<BatchScoringReport> RunAsync(TaskOrchestrationContext context, BatchScoringRequest input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        return PipelineRun.RunAsync(context, PipelineNames.BatchScoring, async () =>
        {
            context.SetCustomStatus(new PipelineProgress("prepare", 0, 1, input.Input));
            BatchScoringPlan plan = await context.CallActivityAsync<BatchScoringPlan>(nameof(PrepareBatchScoringActivity), input, RetryPolicies.Platform);
            var done = new List<BatchChunkResult>(plan.Chunks);
            if (!plan.Committed)
            {
                var pending = new List<Task<BatchChunkResult>>(plan.Chunks);
                for (int chunk = 0; chunk < plan.Chunks; chunk++)
                {
                    pending.Add(context.CallActivityAsync<BatchChunkResult>(nameof(ScoreBatchChunkActivity), new BatchChunkRequest(plan, chunk), RetryPolicies.Scoring));
                }

                context.SetCustomStatus(Progress(plan, done));
                while (pending.Count > 0)
                {
                    Task<BatchChunkResult> finished = await Task.WhenAny(pending);
                    pending.Remove(finished);
                    done.Add(await finished);
                    context.SetCustomStatus(Progress(plan, done));
                }
            }

            context.SetCustomStatus(new PipelineProgress("commit", plan.Chunks, plan.Chunks, $"{plan.OutputContainer}/{plan.OutputBlob}"));
            BatchScoringReport report = await context.CallActivityAsync<BatchScoringReport>(
                nameof(CommitBatchScoringActivity), new BatchCommitRequest(plan, done), RetryPolicies.Platform);
            context.SetCustomStatus(new PipelineProgress("completed", plan.Chunks, plan.Chunks, report.Output));
            return report;
        },
        report => $"{report.Scored} of {report.Rows} records scored into {report.Output}");
    }

    private static PipelineProgress Progress(BatchScoringPlan plan, List<BatchChunkResult> done) =>
        new("score", done.Count, plan.Chunks, $"{done.Sum(c => c.Rows)} of {plan.Input.Rows} records scored or refused");
}
