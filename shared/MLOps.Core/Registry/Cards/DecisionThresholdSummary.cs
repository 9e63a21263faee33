namespace MLOps.Core.Registry.Cards;

/// <summary>A card's account of the decision threshold: its value, the rule that chose it and the holdout label metrics at it.</summary>
public sealed record DecisionThresholdSummary(double Threshold, string ChosenBy, IReadOnlyDictionary<string, double> HoldoutMetrics);
