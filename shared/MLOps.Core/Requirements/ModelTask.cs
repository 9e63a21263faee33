namespace MLOps.Core.Requirements;

/// <summary>The learning task a project commits to; it decides which acceptance metrics make sense.</summary>
public enum ModelTask
{
    BinaryClassification,
    MulticlassClassification,
    Regression,
}
