namespace MLOps.Core.Experiments;

/// <summary>A trial the orchestrator should run: parameter values are invariant-culture text.</summary>
public sealed record TrialProposal(int TrialNumber, string Algorithm, IReadOnlyDictionary<string, string> Parameters);
