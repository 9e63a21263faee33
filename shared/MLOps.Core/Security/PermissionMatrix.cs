using MLOps.Core.Pipelines;

namespace MLOps.Core.Security;

/// <summary>Which role may do what. Admin may do everything.</summary>
public sealed class PermissionMatrix
{
    private static readonly Role[] Everyone = Enum.GetValues<Role>();

    private readonly Dictionary<Permission, HashSet<Role>> grants;

    public PermissionMatrix(IReadOnlyDictionary<Permission, Role[]> grants) =>
        this.grants = grants.ToDictionary(g => g.Key, g => new HashSet<Role>(g.Value) { Role.Admin });

    public static PermissionMatrix Default { get; } = new(new Dictionary<Permission, Role[]>
    {
        [Permission.ReadInstances] = Everyone,
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
    });

    public bool Allows(CallerIdentity caller, Permission permission) =>
        this.grants.TryGetValue(permission, out HashSet<Role>? roles) && caller.Roles.Overlaps(roles);

    public static bool AllowsStart(CallerIdentity caller, PipelineDefinition pipeline) =>
        caller.Roles.Contains(Role.Admin) || caller.Roles.Overlaps(pipeline.StartRoles);
}
