using MLOps.Core.Registry;
using MLOps.Core.Registry.Cards;
using MLOps.Core.Requirements;

namespace MLOps.UnitTests.Core.Registry.Cards;

public sealed class ModelCardRendererTests
{
    private static readonly ModelCard Card = new()
    {
        Project = "credit",
        Name = "default-risk",
        Version = 3,
        BusinessGoal = "Flag applications likely to default within 12 months.",
        Task = ModelTask.BinaryClassification,
        Target = "defaulted",
        FeatureSetVersion = 7,
        FeatureSetSha256 = "f7",
        DataSha256 = "d7",
        Rows = 250,
        DataThrough = new DateTimeOffset(2024, 12, 31, 0, 0, 0, TimeSpan.Zero),
        Metrics = new Dictionary<string, double> { ["auc"] = 0.83123, ["auc/fold0"] = 0.82 },
        FeatureImportance = [new("income", 0.1), new("debt_ratio", -0.4)],
        Limitations = ["Not validated for business loans."],
        SensitiveAttributes = ["age_band"],
        Fairness = [new("age_band", "18-25", "recall", 0.71, 120), new("age_band", "26-60", "recall", 0.8, 900)],
        CreatedAt = new DateTimeOffset(2025, 1, 5, 0, 0, 0, TimeSpan.Zero),
        CreatedBy = "dana",
    };

    [Fact]
    public void Warnings_come_first_and_the_threshold_table_sets_its_metrics_beside_those_at_one_half()
    {
        ModelCard card = Card with
        {
            Metrics = new Dictionary<string, double> { ["Auc"] = 0.81, ["F1"] = 0, ["Recall"] = 0, ["PrAuc"] = double.NaN },
            DecisionThreshold = new DecisionThresholdSummary(0.1875, "maximises F1 on 400 validation rows", new Dictionary<string, double> { ["F1"] = 0.42, ["Recall"] = 0.61 }),
            Warnings = ["At the default threshold 0.5 the model finds no true positive on the holdout."],
        };

        string md = ModelCardRenderer.ToMarkdown(card);

        Assert.True(md.IndexOf("## Warnings", StringComparison.Ordinal) < md.IndexOf("## Intended use", StringComparison.Ordinal));
        Assert.Contains("- **Warning:** At the default threshold 0.5 the model finds no true positive on the holdout.", md, StringComparison.Ordinal);
        Assert.Contains("| Holdout metric | at 0.5 | at 0.1875 |", md, StringComparison.Ordinal);
        Assert.Contains("| F1 | 0 | 0.42 |", md, StringComparison.Ordinal);
        Assert.Contains("| Recall | 0 | 0.61 |", md, StringComparison.Ordinal);
        Assert.Contains("| PrAuc | undefined |", md, StringComparison.Ordinal);
        Assert.DoesNotContain("## Warnings", ModelCardRenderer.ToMarkdown(Card), StringComparison.Ordinal);
    }

    [Fact]
    public void Declared_sensitive_attributes_get_a_per_group_table()
    {
        string md = ModelCardRenderer.ToMarkdown(Card);

        Assert.Contains("## Fairness", md, StringComparison.Ordinal);
        Assert.Contains("| Attribute | Group | Metric | Value | Rows |", md, StringComparison.Ordinal);
        Assert.Contains("| age_band | 18-25 | recall | 0.71 | 120 |", md, StringComparison.Ordinal);
        Assert.Contains("| age_band | 26-60 | recall | 0.8 | 900 |", md, StringComparison.Ordinal);
    }

    [Fact]
    public void The_card_states_use_data_metrics_importance_and_implied_limitations()
    {
        string md = ModelCardRenderer.ToMarkdown(Card);

        Assert.Contains("Flag applications likely to default", md, StringComparison.Ordinal);
        Assert.Contains("- Feature set: v7 (`f7`)", md, StringComparison.Ordinal);
        Assert.Contains("| auc | 0.8312 |", md, StringComparison.Ordinal);
        Assert.True(md.IndexOf("| debt_ratio |", StringComparison.Ordinal) < md.IndexOf("| income |", StringComparison.Ordinal));
        Assert.Contains("- Not validated for business loans.", md, StringComparison.Ordinal);
        Assert.Contains("Trained on data up to 2024-12-31", md, StringComparison.Ordinal);
        Assert.Contains("only 250 rows", md, StringComparison.Ordinal);
        Assert.Contains("Not approved for production (status Pending)", md, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_fairness_results_are_called_out()
    {
        string md = ModelCardRenderer.ToMarkdown(Card with { Fairness = [], Approval = ApprovalStatus.Approved });

        Assert.Contains("no per-group results were supplied", md, StringComparison.Ordinal);
        Assert.Contains("Fairness across the declared sensitive attributes was not evaluated.", md, StringComparison.Ordinal);
        Assert.DoesNotContain("Not approved", md, StringComparison.Ordinal);
    }
}
