using MLOps.Core.Delivery;
using MLOps.Core.Registry;
using MLOps.Core.Requirements;
using MLOps.Core.Security;

namespace MLOps.UnitTests.Core.Delivery;

public class ApprovalRulesTests
{
    private static readonly ApprovalRequirement High = new("credit", "credit-model", 4, Role.ModelRiskAnalyst, "dana", SeparationOfDuties: true, RiskTier.High);

    [Fact]
    public void A_holder_of_the_policys_role_who_did_not_build_the_version_may_decide()
    {
        Assert.Null(ApprovalRules.Refusal(High, "rita", [Role.ModelRiskAnalyst]));
    }

    [Theory]
    [InlineData(Role.DataScientist)]
    [InlineData(Role.MlArchitect)]
    [InlineData(Role.Admin)]
    public void Another_role_is_refused_naming_the_role_needed(Role role)
    {
        string? refusal = ApprovalRules.Refusal(High, "sam", [role]);

        Assert.Equal("sam does not hold ModelRiskAnalyst, the role the High-risk policy needs to approve the release of models:/credit-model/4 (credit).", refusal);
    }

    [Fact]
    public void The_author_is_refused_under_separation_of_duties_whatever_their_roles()
    {
        string? refusal = ApprovalRules.Refusal(High, "DANA", [Role.ModelRiskAnalyst, Role.DataScientist]);

        Assert.Equal("DANA created models:/credit-model/4 (credit); the High-risk policy requires someone else to approve it (separation of duties).", refusal);
        Assert.Null(ApprovalRules.Refusal(High with { SeparationOfDuties = false }, "dana", [Role.ModelRiskAnalyst]));
    }

    [Fact]
    public void An_approval_already_on_the_version_counts_only_if_it_meets_the_policy()
    {
        var version = new ModelVersion
        {
            Project = "credit", Name = "credit-model", Version = 4, RunId = "r", FeatureSetVersion = 1, FeatureSetSha256 = "f", DataSha256 = "d", SpecSha256 = "s",
            ArtifactUri = "models/credit/credit-model/4/", CreatedAt = DateTimeOffset.UnixEpoch, CreatedBy = "dana",
            Status = ApprovalStatus.Approved, ApprovedBy = "rita", ApproverRoles = ["ModelRiskAnalyst"],
        };

        Assert.True(ApprovalRules.IsSatisfiedBy(High, version));
        Assert.False(ApprovalRules.IsSatisfiedBy(High, version with { ApproverRoles = ["MlArchitect"] }));
        Assert.False(ApprovalRules.IsSatisfiedBy(High, version with { ApprovedBy = "dana" }));
        Assert.False(ApprovalRules.IsSatisfiedBy(High, version with { Status = ApprovalStatus.Rejected }));
    }
}
