using MLOps.Core.Requirements;
using MLOps.Core.Security;

namespace MLOps.UnitTests.Core.Requirements;

public sealed class ApprovalPolicyTests
{
    [Fact]
    public void Low_risk_promotes_without_a_human()
    {
        ApprovalPolicy policy = ApprovalPolicy.For(RiskTier.Low);

        Assert.False(policy.RequiresHumanApproval);
        Assert.Empty(policy.ProductionApprovers);
        Assert.False(policy.SeparationOfDuties);
    }

    [Fact]
    public void Medium_risk_needs_the_ml_architect()
    {
        ApprovalPolicy policy = ApprovalPolicy.For(RiskTier.Medium);

        Assert.Equal([Role.MlArchitect], policy.ProductionApprovers);
        Assert.Contains(Role.MlArchitect, policy.RequiredOwnerRoles);
    }

    [Fact]
    public void High_risk_needs_model_risk_then_the_ml_architect_independently()
    {
        ApprovalPolicy policy = ApprovalPolicy.For(RiskTier.High);

        Assert.Equal([Role.ModelRiskAnalyst, Role.MlArchitect], policy.ProductionApprovers);
        Assert.True(policy.SeparationOfDuties);
        Assert.Subset(policy.RequiredOwnerRoles.ToHashSet(), policy.ProductionApprovers.ToHashSet());
    }

    [Fact]
    public void Unknown_tier_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ApprovalPolicy.For((RiskTier)7));
    }
}
