namespace MLOps.Core.Requirements;

/// <summary>One result of checking a spec against real data, with the measured value and the limit it was held to.</summary>
public sealed record FeasibilityFinding(FeasibilityCheck Check, FindingSeverity Severity, string Message)
{
    public string? Column { get; init; }

    public string? Feature { get; init; }

    public double? Actual { get; init; }

    public double? Limit { get; init; }
}
