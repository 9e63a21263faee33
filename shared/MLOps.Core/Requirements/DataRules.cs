namespace MLOps.Core.Requirements;

/// <summary>The data contract: how much data is needed and what each raw column must look like.</summary>
public sealed record DataRules
{
    public required int MinRows { get; init; }

    public required IReadOnlyList<ColumnRule> Columns { get; init; }

    public ColumnRule? Find(string column) => this.Columns.FirstOrDefault(c => c?.Name == column);
}
