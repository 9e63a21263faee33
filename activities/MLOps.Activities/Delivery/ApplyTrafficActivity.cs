using Microsoft.DurableTask;
using MLOps.Core.Delivery;

namespace MLOps.Activities.Delivery;

/// <summary>Makes a step's table the endpoint's routing table; returns the endpoint's revision.</summary>
public sealed class ApplyTrafficActivity(DeploymentActions actions) : TaskActivity<TrafficChange, int>
{
    public override Task<int> RunAsync(TaskActivityContext context, TrafficChange input) =>
        actions.ApplyAsync(input);
}
