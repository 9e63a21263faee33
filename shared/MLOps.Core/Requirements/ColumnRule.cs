using System.Text.Json.Serialization;

namespace MLOps.Core.Requirements;

/// <summary>The expectations on one raw column, for the feasibility check now and the data validator later.</summary>
public sealed record ColumnRule
{
    public required string Name { get; init; }

    public required ColumnType Type { get; init; }

    public double? Min { get; init; }

    public double? Max { get; init; }

    public IReadOnlyList<string>? AllowedValues { get; init; }

    /// <summary>Share of missing values tolerated, in [0, 1]; absent means no limit.</summary>
    public double? MaxMissingShare { get; init; }

    public bool Unique { get; init; }

    public RuleSeverity Severity { get; init; } = RuleSeverity.Hard;

    public string? Description { get; init; }

    [JsonIgnore]
    public bool IsNumeric => this.Type is ColumnType.Integer or ColumnType.Number;
}
