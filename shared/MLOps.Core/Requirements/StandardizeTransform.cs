namespace MLOps.Core.Requirements;

/// <summary>(x − mean) / standard deviation, with the statistics fitted on the training split only.</summary>
public sealed record StandardizeTransform : FeatureTransform;
