namespace MLOps.Core.DataEngineering.Validation;

/// <summary>Hard rules fail the pipeline; Soft rules only warn.</summary>
public enum RuleSeverity
{
    Hard,
    Soft,
}
