namespace MLOps.Core.Requirements;

/// <summary>Class counts of the labelled rows and the share of the rarest class.</summary>
public sealed record LabelBalance(IReadOnlyDictionary<string, long> Counts, string MinorityClass, double MinorityShare);
