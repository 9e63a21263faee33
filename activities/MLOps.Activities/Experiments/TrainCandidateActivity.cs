using Microsoft.DurableTask;
using MLOps.Core.Experiments;
using MLOps.Training.Experiments;

namespace MLOps.Activities.Experiments;

/// <summary>Refits the best proposal, scores the holdout, exports ONNX and checks its parity.</summary>
public sealed class TrainCandidateActivity(CandidateTrainer trainer) : TaskActivity<CandidateRequest, CandidateModel>
{
    public override Task<CandidateModel> RunAsync(TaskActivityContext context, CandidateRequest input) =>
        trainer.TrainAsync(input);
}
