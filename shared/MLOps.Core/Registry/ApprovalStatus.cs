namespace MLOps.Core.Registry;

public enum ApprovalStatus
{
    Pending,
    Approved,
    Rejected,
}
