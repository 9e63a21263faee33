namespace MLOps.Core.Requirements;

/// <summary>The data contract: how much data is needed and what each raw column must look like.</summary>
public sealed record DataRules
{
    public required int MinRows { get; init; }

    public required IReadOnlyList<ColumnRule> Columns { get; init; }

    /// <summary>
    /// Drop rows that repeat an earlier row exactly (every raw field equal). False (the default) keeps them: two
    /// identical records may be two real customers. Duplicates are counted and reported either way.
    /// </summary>
    public bool DropDuplicateRows { get; init; }

    /// <summary>The guard on how much cleaning may alter, for the rows and for every column without its own.</summary>
    public ChangeGuard ChangeGuard { get; init; } = new();

    /// <summary>The guard that applies to a column: its own, else the data rules' one.</summary>
    public ChangeGuard GuardOf(string column) => this.Find(column)?.ChangeGuard ?? this.ChangeGuard;

    public ColumnRule? Find(string column) => this.Columns.FirstOrDefault(c => c?.Name == column);
}
