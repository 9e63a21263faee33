using MLOps.Core.Requirements;

namespace MLOps.UnitTests.Core.Requirements;

public sealed class DesignDocumentTests
{
    [Fact]
    public void Renders_every_section_with_the_feasibility_findings()
    {
        ProjectSpec spec = SpecFixtures.CreditSpec;
        FeasibilityReport report = FeasibilityChecker.Check(spec, SpecFixtures.CreditData);

        string md = DesignDocument.Render(spec, report);

        string[] headings = [.. md.Split('\n').Where(l => l.StartsWith('#'))];
        Assert.Equal(
            ["# credit-scoring: design document", "## Business goal", "## Task", "## Acceptance gate", "## Data rules", "## Features", "## Fairness", "## Risk and approval policy", "## Owners", "## Feasibility"],
            headings);
        Assert.Contains("**Auc >= 0.8**", md, StringComparison.Ordinal);
        Assert.Contains("| Income | Number | 0 | 10000 |  | 10.00% |  | Soft |", md, StringComparison.Ordinal);
        Assert.Contains("ModelRiskAnalyst then MlArchitect", md, StringComparison.Ordinal);
        Assert.Contains("`Marital`", md, StringComparison.Ordinal);
        Assert.Contains("| ModelRiskAnalyst | model.risk@bank.example |", md, StringComparison.Ordinal);
        Assert.Contains("Checked on 4454 rows: **feasible**", md, StringComparison.Ordinal);
        Assert.Contains("minority `bad` 28.15%", md, StringComparison.Ordinal);
        Assert.Contains("| Seniority | AUC | 0.6967 | 0.5078 |", md, StringComparison.Ordinal);
        Assert.Contains("| term_bucket | Time | bucketized at 12, 24, 36, 48, 60 |", md, StringComparison.Ordinal);
        Assert.Contains("| loan_to_price | Amount, Price | Amount / Price |", md, StringComparison.Ordinal);
        Assert.Contains("shadow on 100% of traffic for 10080 min, then canary on 10% of traffic for 1440 min", md, StringComparison.Ordinal);
        Assert.Contains("`Age` (groups split at 25, 35, 50, 65)", md, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_report_says_so_and_escapes_table_cells()
    {
        ProjectSpec spec = SpecFixtures.ChurnSpec;
        spec = spec with { Features = [spec.Features[0] with { Name = "a|b" }] };

        string md = DesignDocument.Render(spec);

        Assert.Contains("Not yet checked against data.", md, StringComparison.Ordinal);
        Assert.Contains("| a\\|b |", md, StringComparison.Ordinal);
        Assert.Contains("Production approvals: MlArchitect", md, StringComparison.Ordinal);
    }
}
