namespace MLOps.Core.Requirements;

/// <summary>The model risk tier; it decides the approvals a release needs (<see cref="ApprovalPolicy"/>).</summary>
public enum RiskTier
{
    Low,
    Medium,
    High,
}
