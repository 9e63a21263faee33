using MLOps.Core.Security;

namespace MLOps.Core.Requirements;

/// <summary>Owners must cover the roles the risk tier needs; sensitive attributes must be declared columns.</summary>
internal static class GovernanceChecks
{
    public static void Check(SpecCheckContext context)
    {
        ProjectSpec spec = context.Spec;
        IReadOnlyDictionary<Role, IReadOnlyList<string>> owners = spec.Owners ?? new Dictionary<Role, IReadOnlyList<string>>();
        foreach ((Role role, IReadOnlyList<string> principals) in owners)
        {
            for (int i = 0; i < principals.Count; i++)
            {
                if (string.IsNullOrWhiteSpace(principals[i]))
                {
                    context.Add($"$.owners.{role}[{i}]", "must name a principal");
                }
            }
        }

        if (spec.Owners is not null)
        {
            ApprovalPolicy policy = ApprovalPolicy.For(spec.RiskTier);
            foreach (Role role in policy.RequiredOwnerRoles.Where(r => !owners.TryGetValue(r, out IReadOnlyList<string>? p) || p.Count == 0))
            {
                context.Add($"$.owners.{role}", $"risk tier {spec.RiskTier} requires at least one {role} owner");
            }

            if (policy.SeparationOfDuties)
            {
                IEnumerable<string> authors = owners.GetValueOrDefault(Role.DataScientist) ?? [];
                foreach (string both in (owners.GetValueOrDefault(Role.ModelRiskAnalyst) ?? []).Intersect(authors, StringComparer.OrdinalIgnoreCase))
                {
                    context.Add("$.owners.ModelRiskAnalyst", $"'{both}' is also a DataScientist owner; risk tier {spec.RiskTier} needs an independent risk approver");
                }
            }
        }

        HashSet<string> seen = new(StringComparer.Ordinal);
        foreach ((SensitiveAttribute attribute, int i) in SpecCheckContext.Each(spec.SensitiveAttributes))
        {
            string path = $"$.sensitiveAttributes[{i}]";
            if (context.RequireDeclared(attribute.Column, path + ".column", "Sensitive attribute") && !seen.Add(attribute.Column))
            {
                context.Add(path + ".column", $"'{attribute.Column}' is listed more than once");
            }

            if (attribute.GroupBoundaries is not null && context.Columns.TryGetValue(attribute.Column ?? string.Empty, out ColumnRule? rule) && !rule.IsNumeric)
            {
                context.Add(path + ".groupBoundaries", $"group boundaries apply to numeric columns; '{attribute.Column}' is {rule.Type}");
            }

            FeatureChecks.CheckIncreasing(context, attribute.GroupBoundaries, path + ".groupBoundaries");
            if (attribute.MaxDifference is { } bound && !(bound >= 0 && bound <= 1))
            {
                context.Add(path + ".maxDifference", $"is a difference of two rates, so it must lie in [0, 1], not {bound}");
            }
        }
    }
}
