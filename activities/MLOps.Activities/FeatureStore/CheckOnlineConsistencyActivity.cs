using Microsoft.DurableTask;
using MLOps.Core.FeatureStore;

namespace MLOps.Activities.FeatureStore;

/// <summary>Compares a sample of the online store with the offline version.</summary>
public sealed class CheckOnlineConsistencyActivity(FeatureSetServing serving) : TaskActivity<FeatureSetVersion, ConsistencyReport>
{
    public override Task<ConsistencyReport> RunAsync(TaskActivityContext context, FeatureSetVersion input) =>
        serving.CheckConsistencyAsync(input);
}
