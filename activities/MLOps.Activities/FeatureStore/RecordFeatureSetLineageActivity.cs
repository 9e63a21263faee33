using Microsoft.DurableTask;
using MLOps.Core.FeatureStore;

namespace MLOps.Activities.FeatureStore;

/// <summary>Records the lineage edges from the landed blob to a feature-set version.</summary>
public sealed class RecordFeatureSetLineageActivity(FeatureSetServing serving) : TaskActivity<FeatureSetVersion, int>
{
    public override Task<int> RunAsync(TaskActivityContext context, FeatureSetVersion input) =>
        serving.RecordLineageAsync(input);
}
