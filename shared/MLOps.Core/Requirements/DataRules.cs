namespace MLOps.Core.Requirements;

/// <summary>The data contract: how much data is needed and what each raw column must look like.</summary>
public sealed record DataRules
{
    public required int MinRows { get; init; }

    public required IReadOnlyList<ColumnRule> Columns { get; init; }

    /// <summary>How much of a column cleaning or feature engineering may lose; absent: 20%, fail.</summary>
    public ChangeGuard? ChangeGuard { get; init; }

    public ColumnRule? Find(string column) => this.Columns.FirstOrDefault(c => c?.Name == column);
}
