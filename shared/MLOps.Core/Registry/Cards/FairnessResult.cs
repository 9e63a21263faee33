namespace MLOps.Core.Registry.Cards;

/// <summary>A metric of one group of a sensitive attribute (e.g. age band 25–40, recall 0.81 over 1,200 rows).</summary>
public sealed record FairnessResult(string Attribute, string Group, string Metric, double Value, long? Rows = null);
