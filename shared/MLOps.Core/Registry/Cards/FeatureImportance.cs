namespace MLOps.Core.Registry.Cards;

public sealed record FeatureImportance(string Feature, double Importance);
