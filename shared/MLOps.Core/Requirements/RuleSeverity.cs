namespace MLOps.Core.Requirements;

/// <summary>Hard rules block a pipeline; soft rules only warn.</summary>
public enum RuleSeverity
{
    Hard,
    Soft,
}
