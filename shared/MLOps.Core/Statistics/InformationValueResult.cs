namespace MLOps.Core.Statistics;

/// <summary>The WoE table and IV = Σ (non-event share − event share) · WoE.</summary>
public sealed record InformationValueResult(IReadOnlyList<WoeBin> Bins, double Value);
