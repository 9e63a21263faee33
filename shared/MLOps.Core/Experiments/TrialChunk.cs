namespace MLOps.Core.Experiments;

/// <summary>Trials [Start, Start + Count) handed to one sub-orchestration.</summary>
public sealed record TrialChunk(int Index, int Start, int Count);
