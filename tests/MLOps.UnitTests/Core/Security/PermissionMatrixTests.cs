using MLOps.Core.Pipelines;
using MLOps.Core.Security;

namespace MLOps.UnitTests.Core.Security;

public class PermissionMatrixTests
{
    private static CallerIdentity As(Role role) => new(role.ToString(), new HashSet<Role> { role });

    [Theory]
    [InlineData(Role.ModelRiskAnalyst, Permission.VerifyAudit, true)]
    [InlineData(Role.Business, Permission.ReadAudit, false)]
    [InlineData(Role.DataScientist, Permission.TerminateInstance, false)]
    [InlineData(Role.OperationsEngineer, Permission.PurgeInstance, true)]
    [InlineData(Role.DataEngineer, Permission.PurgeInstance, false)]
    [InlineData(Role.Business, Permission.ReadInstances, true)]
    [InlineData(Role.DataScientist, Permission.DeliverEvents, false)]
    [InlineData(Role.PlatformService, Permission.DeliverEvents, true)]
    [InlineData(Role.Admin, Permission.PurgeInstance, true)]
    [InlineData(Role.DataScientist, Permission.ManageModels, true)]
    [InlineData(Role.MlArchitect, Permission.ManageModels, true)]
    [InlineData(Role.OperationsEngineer, Permission.ManageModels, true)]
    [InlineData(Role.PlatformService, Permission.ManageModels, true)]
    [InlineData(Role.Business, Permission.ManageModels, false)]
    [InlineData(Role.ModelRiskAnalyst, Permission.ManageModels, false)]
    [InlineData(Role.ModelRiskAnalyst, Permission.ApproveModels, true)]
    [InlineData(Role.MlArchitect, Permission.ApproveModels, true)]
    [InlineData(Role.DataScientist, Permission.ApproveModels, false)]
    [InlineData(Role.OperationsEngineer, Permission.ApproveModels, false)]
    [InlineData(Role.Business, Permission.ReadProjects, true)]
    [InlineData(Role.Application, Permission.Score, true)]
    [InlineData(Role.Application, Permission.ReadInstances, true)]
    [InlineData(Role.Application, Permission.ReadProjects, false)]
    [InlineData(Role.Application, Permission.ReadAudit, false)]
    [InlineData(Role.Application, Permission.ManageEndpoints, false)]
    [InlineData(Role.Business, Permission.Score, false)]
    [InlineData(Role.OperationsEngineer, Permission.ManageEndpoints, true)]
    [InlineData(Role.DataScientist, Permission.ManageEndpoints, false)]
    [InlineData(Role.OperationsEngineer, Permission.ManageTraffic, true)]
    [InlineData(Role.MlArchitect, Permission.ManageTraffic, false)]
    [InlineData(Role.PlatformService, Permission.ManageTraffic, false)]
    [InlineData(Role.Application, Permission.ManageTraffic, false)]
    public void Grants_follow_the_matrix(Role role, Permission permission, bool allowed)
    {
        Assert.Equal(allowed, PermissionMatrix.Default.Allows(As(role), permission));
    }

    [Fact]
    public void Admin_holds_every_permission()
    {
        Assert.All(Enum.GetValues<Permission>(), p => Assert.True(PermissionMatrix.Default.Allows(As(Role.Admin), p)));
    }

    [Fact]
    public void Starting_a_pipeline_needs_one_of_its_start_roles()
    {
        Assert.True(PipelineCatalog.Default.TryGet(PipelineNames.DataEngineering, out PipelineDefinition? data));

        Assert.True(PermissionMatrix.AllowsStart(As(Role.DataEngineer), data));
        Assert.True(PermissionMatrix.AllowsStart(As(Role.Admin), data));
        Assert.False(PermissionMatrix.AllowsStart(As(Role.DataScientist), data));
    }
}
