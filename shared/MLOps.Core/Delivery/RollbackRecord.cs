namespace MLOps.Core.Delivery;

/// <summary>What a rollback did: the endpoints put back, where the champion was restored to (null: not moved by the run), and anything it could not do.</summary>
public sealed record RollbackRecord(IReadOnlyList<string> Restored, int? ChampionRestoredTo, IReadOnlyList<string> Notes);
