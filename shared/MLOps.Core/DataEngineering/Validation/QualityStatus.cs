namespace MLOps.Core.DataEngineering.Validation;

public enum QualityStatus
{
    Passed,
    PassedWithWarnings,
    Failed,
}
