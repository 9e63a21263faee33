using System.Text.Json;
using MLOps.Core.Requirements;
using MLOps.Core.Security;

namespace MLOps.UnitTests.Core.Requirements;

public sealed class ProjectGatesTests
{
    [Fact]
    public void Gates_carry_the_thresholds_rules_and_policy_of_the_spec()
    {
        ProjectSpec spec = SpecFixtures.CreditSpec;

        ProjectGates gates = ProjectGates.From(spec);

        Assert.Equal("credit-scoring", gates.Project);
        Assert.Equal(ProjectSpecJson.Sha256(spec), gates.SpecSha256);
        Assert.Same(spec.DataRules, gates.DataRules);
        Assert.Equal(200, gates.Latency.P95Ms);
        Assert.Equal([Role.ModelRiskAnalyst, Role.MlArchitect], gates.Approval.ProductionApprovers);
        Assert.True(gates.Acceptance.IsMetBy(0.81));
        Assert.True(gates.Acceptance.IsMetBy(0.80));
        Assert.False(gates.Acceptance.IsMetBy(0.79));
    }

    [Fact]
    public void Error_metric_gates_pass_at_or_below_the_threshold()
    {
        AcceptanceGate gate = new() { Metric = AcceptanceMetric.Rmse, Threshold = 120, Direction = GateDirection.AtMost };

        Assert.True(gate.IsMetBy(119.5));
        Assert.False(gate.IsMetBy(120.01));
        Assert.Equal("Rmse <= 120", gate.ToString());
    }

    [Fact]
    public void Gates_survive_the_platform_json_round_trip()
    {
        // Later pipelines receive the gates as orchestration input, serialized with web defaults and string enums.
        JsonSerializerOptions platform = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };
        ProjectGates gates = ProjectGates.From(SpecFixtures.ChurnSpec);

        ProjectGates back = JsonSerializer.Deserialize<ProjectGates>(JsonSerializer.Serialize(gates, platform), platform)!;

        Assert.Equal(gates.SpecSha256, back.SpecSha256);
        Assert.Equal(gates.Acceptance, back.Acceptance);
        Assert.Equal(gates.Approval.ProductionApprovers, back.Approval.ProductionApprovers);
        Assert.IsType<AbTestDeployment>(back.Deployment[1]);
        Assert.Equal(gates.DataRules.Columns.Count, back.DataRules.Columns.Count);
    }
}
