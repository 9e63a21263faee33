namespace MLOps.Core.Experiments;

/// <summary>The rule's verdict with the numbers behind it, for the run log. <paramref name="Median"/> is null when too early.</summary>
public sealed record StoppingDecision(bool Stop, int Step, double TrialBest, double? Median, int ComparedTrials);
