using MLOps.Core.Pipelines;

namespace MLOps.Core.Security;

/// <summary>Which role may do what. Admin may do everything.</summary>
public sealed class PermissionMatrix
{
    /// <summary>Every role but <see cref="Role.Application"/>, whose keys live in business applications and only score.</summary>
    private static readonly Role[] Everyone = [.. Enum.GetValues<Role>().Where(r => r != Role.Application)];

    private readonly Dictionary<Permission, HashSet<Role>> grants;

    public PermissionMatrix(IReadOnlyDictionary<Permission, Role[]> grants) =>
        this.grants = grants.ToDictionary(g => g.Key, g => new HashSet<Role>(g.Value) { Role.Admin });

    public static PermissionMatrix Default { get; } = new(new Dictionary<Permission, Role[]>
    {
        // Applications follow their own batch-scoring runs.
        [Permission.ReadInstances] = [.. Everyone, Role.Application],
        [Permission.RaiseEvent] =
        [
            Role.ProjectManager, Role.MlArchitect, Role.DataScientist, Role.TestEngineer,
            Role.OperationsEngineer, Role.ModelRiskAnalyst, Role.PlatformService,
        ],
        [Permission.TerminateInstance] = [Role.MlArchitect, Role.OperationsEngineer],
        [Permission.PurgeInstance] = [Role.OperationsEngineer],
        [Permission.ReadAudit] = [Role.ModelRiskAnalyst, Role.ProjectManager, Role.OperationsEngineer],
        [Permission.VerifyAudit] = [Role.ModelRiskAnalyst, Role.OperationsEngineer],
        [Permission.DeliverEvents] = [Role.PlatformService],
        [Permission.ReadProjects] = Everyone,
        [Permission.ManageModels] = [Role.MlArchitect, Role.DataScientist, Role.OperationsEngineer, Role.PlatformService],
        [Permission.ApproveModels] = [Role.ModelRiskAnalyst, Role.MlArchitect],
        [Permission.Score] =
        [
            Role.Application, Role.PlatformService, Role.OperationsEngineer, Role.MlArchitect, Role.DataScientist,
            Role.SoftwareEngineer, Role.TestEngineer,
        ],
        [Permission.ManageEndpoints] = [Role.OperationsEngineer, Role.MlArchitect, Role.PlatformService],

        // Operators only: continuous deployment moves traffic through its own gates, not through this route.
        [Permission.ManageTraffic] = [Role.OperationsEngineer],
    });

    public bool Allows(CallerIdentity caller, Permission permission) =>
        this.grants.TryGetValue(permission, out HashSet<Role>? roles) && caller.Roles.Overlaps(roles);

    public static bool AllowsStart(CallerIdentity caller, PipelineDefinition pipeline) =>
        caller.Roles.Contains(Role.Admin) || caller.Roles.Overlaps(pipeline.StartRoles);
}
