using MLOps.Core.DataEngineering.Cleaning;

namespace MLOps.Core.FeatureStore.Engineering;

/// <summary>What cleaning writes into a missing value of <see cref="Column"/>, fitted on the training rows (or the spec's constant).</summary>
public sealed record FittedImputation(string Column, ImputeStrategy Strategy, string Fill);
