namespace MLOps.Core.Experiments;

/// <summary>The registry entry a candidate became, and the alias it was given.</summary>
public sealed record RegisteredCandidate(string Model, int Version, string Uri, string Alias, string ArtifactPrefix, string ModelCard);
