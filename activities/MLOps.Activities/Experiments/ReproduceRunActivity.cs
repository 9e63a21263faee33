using Microsoft.DurableTask;
using MLOps.Core.Experiments;
using MLOps.Training.Experiments;

namespace MLOps.Activities.Experiments;

/// <summary>Trains a tracked run again and compares its metrics with the recorded ones.</summary>
public sealed class ReproduceRunActivity(RunReproducer reproducer) : TaskActivity<ReproductionRequest, RunReproduction>
{
    public override Task<RunReproduction> RunAsync(TaskActivityContext context, ReproductionRequest input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return reproducer.ReproduceAsync(input.Project, input.RunId);
    }
}
