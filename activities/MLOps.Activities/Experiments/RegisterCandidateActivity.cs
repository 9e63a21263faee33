using Microsoft.DurableTask;
using MLOps.Core.Experiments;
using MLOps.Training.Experiments;

namespace MLOps.Activities.Experiments;

/// <summary>Registers a checked candidate with its MLflow directory, model card and challenger alias.</summary>
public sealed class RegisterCandidateActivity(ModelPublisher publisher) : TaskActivity<RegisterCandidateRequest, RegisteredCandidate>
{
    public override Task<RegisteredCandidate> RunAsync(TaskActivityContext context, RegisterCandidateRequest input) =>
        publisher.RegisterAsync(input);
}
