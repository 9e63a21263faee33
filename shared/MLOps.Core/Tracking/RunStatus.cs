namespace MLOps.Core.Tracking;

/// <summary>The life cycle of a tracked run; stored by name so rows stay readable and survive reordering.</summary>
public enum RunStatus
{
    Running,
    Completed,
    Failed,
    Stopped,
}
