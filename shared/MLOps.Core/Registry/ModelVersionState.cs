namespace MLOps.Core.Registry;

/// <summary>
/// Where a version is in its registration. A <see cref="Staged"/> version holds its number (so a retried
/// registration converges on it) while its package is written under the staging prefix; it is not listed,
/// resolved, approved or aliased. <see cref="Committed"/> is set by one conditional write once every artifact is
/// in place, and never undone.
/// </summary>
public enum ModelVersionState
{
    Staged,
    Committed,
}
