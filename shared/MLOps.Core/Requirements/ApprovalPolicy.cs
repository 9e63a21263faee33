using System.Text.Json.Serialization;
using MLOps.Core.Security;

namespace MLOps.Core.Requirements;

/// <summary>Who must sign off before a model of a given risk tier reaches production.</summary>
public sealed record ApprovalPolicy
{
    public required RiskTier Tier { get; init; }

    /// <summary>Roles whose approval a release needs before production, in the order they are asked.</summary>
    public required IReadOnlyList<Role> ProductionApprovers { get; init; }

    /// <summary>Roles the spec must name owners for: every approver role, plus the business and modelling owners.</summary>
    public required IReadOnlyList<Role> RequiredOwnerRoles { get; init; }

    /// <summary>Whether the risk approver must be someone other than the model's authors (independent validation).</summary>
    public required bool SeparationOfDuties { get; init; }

    [JsonIgnore]
    public bool RequiresHumanApproval => this.ProductionApprovers.Count > 0;

    public static ApprovalPolicy For(RiskTier tier) => tier switch
    {
        RiskTier.Low => new ApprovalPolicy
        {
            Tier = tier,
            ProductionApprovers = [],
            RequiredOwnerRoles = [Role.Business, Role.DataScientist],
            SeparationOfDuties = false,
        },
        RiskTier.Medium => new ApprovalPolicy
        {
            Tier = tier,
            ProductionApprovers = [Role.MlArchitect],
            RequiredOwnerRoles = [Role.Business, Role.DataScientist, Role.MlArchitect],
            SeparationOfDuties = false,
        },
        RiskTier.High => new ApprovalPolicy
        {
            Tier = tier,
            ProductionApprovers = [Role.ModelRiskAnalyst, Role.MlArchitect],
            RequiredOwnerRoles = [Role.Business, Role.DataScientist, Role.MlArchitect, Role.ModelRiskAnalyst],
            SeparationOfDuties = true,
        },
        _ => throw new ArgumentOutOfRangeException(nameof(tier), tier, "Unknown risk tier."),
    };
}
