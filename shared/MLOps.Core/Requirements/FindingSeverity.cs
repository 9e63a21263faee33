namespace MLOps.Core.Requirements;

/// <summary>Errors make a project infeasible as specified; warnings need a decision; info is for the record.</summary>
public enum FindingSeverity
{
    Info,
    Warning,
    Error,
}
