using Microsoft.DurableTask;
using MLOps.Core.FeatureStore;

namespace MLOps.Activities.FeatureStore;

/// <summary>Computes and stores a version's feature statistics, ranked, with PSI against the previous version.</summary>
public sealed class ComputeFeatureStatisticsActivity(FeatureSetServing serving) : TaskActivity<FeatureStatisticsRequest, FeatureStatisticsSummary>
{
    public override Task<FeatureStatisticsSummary> RunAsync(TaskActivityContext context, FeatureStatisticsRequest input) =>
        serving.ComputeStatisticsAsync(input);
}
