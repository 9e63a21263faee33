using Microsoft.DurableTask;
using MLOps.Core.FeatureStore;

namespace MLOps.Activities.FeatureStore;

/// <summary>Cleans, engineers and commits a validated snapshot as a feature-set version.</summary>
public sealed class PublishFeatureSetActivity(FeatureSetPublisher publisher) : TaskActivity<PublishFeatureSetRequest, PublishedFeatureSet>
{
    public override Task<PublishedFeatureSet> RunAsync(TaskActivityContext context, PublishFeatureSetRequest input) =>
        publisher.PublishAsync(input);
}
