using MLOps.Core.Security;

namespace MLOps.Core.Delivery;

/// <summary>The approval a run is waiting for, as its status shows it: which version, which role, when it escalates and when it gives up.</summary>
public sealed record AwaitedApproval(
    string Project, string Model, int Version, Role Role, DateTimeOffset EscalatesAt, DateTimeOffset Deadline, bool Escalated);
