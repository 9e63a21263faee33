namespace MLOps.Core.Registry;

/// <summary>One row of an alias's history: where it pointed before and after, who moved it and why.</summary>
public sealed record AliasMove(
    string Name,
    string Alias,
    long Sequence,
    int? FromVersion,
    int ToVersion,
    bool Rollback,
    string MovedBy,
    DateTimeOffset MovedAt,
    string? Reason);
