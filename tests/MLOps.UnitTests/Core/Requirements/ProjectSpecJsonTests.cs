using System.Text.Json;
using System.Text.Json.Nodes;
using MLOps.Core.Requirements;
using MLOps.Core.Security;

namespace MLOps.UnitTests.Core.Requirements;

public sealed class ProjectSpecJsonTests
{
    [Fact]
    public void Credit_spec_reads_into_typed_records()
    {
        ProjectSpec spec = SpecFixtures.CreditSpec;

        Assert.Equal("credit-scoring", spec.Name);
        Assert.Equal(ModelTask.BinaryClassification, spec.Task);
        Assert.Equal(new TargetSpec { Column = "Status", PositiveClass = "bad" }, spec.Target);
        Assert.Equal(new AcceptanceGate { Metric = AcceptanceMetric.Auc, Threshold = 0.80, Direction = GateDirection.AtLeast }, spec.Acceptance);
        Assert.Equal(RiskTier.High, spec.RiskTier);
        Assert.Equal(["model.risk@bank.example"], spec.Owners[Role.ModelRiskAnalyst]);
        Assert.Equal(new RatioTransform { Numerator = "Amount", Denominator = "Price" }, spec.Features.Single(f => f.Name == "loan_to_price").Transform);
        Assert.Equal([12.0, 24, 36, 48, 60], Assert.IsType<BucketizeTransform>(spec.Features.Single(f => f.Name == "term_bucket").Transform).Boundaries);
        Assert.IsType<ShadowDeployment>(spec.Deployment[0]);
        Assert.Equal(RuleSeverity.Soft, spec.DataRules.Find("Income")!.Severity);
        Assert.Equal(RuleSeverity.Hard, spec.DataRules.Find("Age")!.Severity);
    }

    [Fact]
    public void Canonical_json_is_camel_case_with_enums_as_strings_and_round_trips()
    {
        ProjectSpec spec = SpecFixtures.CreditSpec;

        string json = ProjectSpecJson.Serialize(spec);
        JsonObject node = JsonNode.Parse(json)!.AsObject();

        Assert.Equal("BinaryClassification", (string?)node["task"]);
        Assert.Equal(">=", (string?)node["acceptance"]!["direction"]);
        Assert.Equal("Ratio", (string?)node["features"]![10]!["transform"]!["kind"]);
        Assert.NotNull(node["owners"]!["ModelRiskAnalyst"]);
        Assert.Null(node["eventTime"]);
        Assert.False(node["dataRules"]!["columns"]![0]!.AsObject().ContainsKey("isNumeric"));
        Assert.Equal(json, ProjectSpecJson.Serialize(ProjectSpecJson.Parse(json)));
        Assert.True(ProjectSpecValidator.ValidateJson(json).IsValid);
    }

    [Fact]
    public void Hash_changes_with_the_spec()
    {
        ProjectSpec spec = SpecFixtures.CreditSpec;

        Assert.Equal(64, ProjectSpecJson.Sha256(spec).Length);
        Assert.Equal(ProjectSpecJson.Sha256(spec), ProjectSpecJson.Sha256(SpecFixtures.CreditSpec));
        Assert.NotEqual(ProjectSpecJson.Sha256(spec), ProjectSpecJson.Sha256(spec with { BusinessGoal = "other" }));
    }

    [Fact]
    public void Numbers_in_strings_and_integer_enums_are_rejected()
    {
        JsonObject spec = SpecFixtures.CreditNode();
        spec["acceptance"]!["threshold"] = "0.8";
        spec["task"] = 0;

        SpecValidationResult result = SpecFixtures.Validate(spec);

        Assert.Contains(result.Problems, p => p.Path == "$.acceptance.threshold" && p.Message == "must be a number");
        Assert.Contains(result.Problems, p => p.Path == "$.task" && p.Message.StartsWith("must be one of", StringComparison.Ordinal));
    }

    [Fact]
    public void The_discriminator_may_come_after_other_members()
    {
        JsonObject spec = SpecFixtures.CreditNode();
        spec["features"]![0]!["transform"] = JsonNode.Parse("""{ "buckets": 8, "kind": "Hashing" }""");
        spec["features"]![0]!["sources"] = new JsonArray("Home", "Job");

        ProjectSpec parsed = SpecFixtures.Validate(spec).GetSpecOrThrow();

        Assert.Equal(new HashingTransform { Buckets = 8 }, parsed.Features[0].Transform);
    }

    [Fact]
    public void Options_are_shared_and_frozen()
    {
        Assert.True(ProjectSpecJson.Options.IsReadOnly);
        Assert.Throws<InvalidOperationException>(() => ProjectSpecJson.Options.WriteIndented = false);
        Assert.Equal(JsonNamingPolicy.CamelCase, ProjectSpecJson.Options.PropertyNamingPolicy);
    }
}
