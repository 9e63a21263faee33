using Microsoft.DurableTask;
using MLOps.Core.Delivery;
using MLOps.Core.Delivery.Gates;

namespace MLOps.Activities.Delivery;

/// <summary>Judges a step's gates over its window of the request log.</summary>
public sealed class EvaluateGatesActivity(IDeploymentGates gates) : TaskActivity<GateCheck, GateVerdict>
{
    public override Task<GateVerdict> RunAsync(TaskActivityContext context, GateCheck input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return gates.EvaluateAsync(input.Window, input.Bounds);
    }
}
