using Microsoft.DurableTask;
using MLOps.Core.FeatureStore;

namespace MLOps.Activities.FeatureStore;

/// <summary>Materializes a feature-set version into the online store.</summary>
public sealed class MaterializeOnlineActivity(FeatureSetServing serving) : TaskActivity<FeatureSetVersion, MaterializationResult>
{
    public override Task<MaterializationResult> RunAsync(TaskActivityContext context, FeatureSetVersion input) =>
        serving.MaterializeAsync(input);
}
