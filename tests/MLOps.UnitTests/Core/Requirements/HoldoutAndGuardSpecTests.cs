using System.Text.Json.Nodes;
using Json.Schema;
using MLOps.Core.Requirements;

namespace MLOps.UnitTests.Core.Requirements;

/// <summary>The spec's holdout section, OneHot category limit and change guard: validator and schema agree.</summary>
public sealed class HoldoutAndGuardSpecTests
{
    private static readonly JsonSchema Schema = JsonSchema.FromText(ProjectSpecSchema.Text);

    private static JsonObject Patched(string patch)
    {
        JsonObject spec = SpecFixtures.CreditNode();
        foreach ((string key, JsonNode? value) in JsonNode.Parse(patch)!.AsObject())
        {
            spec[key] = value?.DeepClone();
        }

        return spec;
    }

    private static bool SchemaAccepts(JsonNode spec) => Schema.Evaluate(spec, new EvaluationOptions { OutputFormat = OutputFormat.List }).IsValid;

    [Theory]
    [InlineData("""{ "holdout": { "fraction": 0 } }""", "$.holdout.fraction", "strictly between 0 and 1")]
    [InlineData("""{ "holdout": { "fraction": 1 } }""", "$.holdout.fraction", "strictly between 0 and 1")]
    [InlineData("""{ "holdout": { "fraction": -0.2 } }""", "$.holdout.fraction", "strictly between 0 and 1")]
    [InlineData("""{ "holdout": { "seed": -1 } }""", "$.holdout.seed", "negative")]
    [InlineData("""{ "holdout": { "strategy": "KFold" } }""", "$.holdout.strategy", "Stratified, Random, TimeOrdered")]
    [InlineData("""{ "features": [{ "name": "h", "sources": ["Home"], "transform": { "kind": "OneHot", "maxCategories": 1001 } }] }""", "$.features[0].transform.maxCategories", "between 1 and 1000")]
    public void Bad_holdouts_and_category_limits_are_refused_by_validator_and_schema(string patch, string path, string fragment)
    {
        JsonObject spec = Patched(patch);

        SpecValidationResult result = SpecFixtures.Validate(spec);

        Assert.Contains(result.Problems, p => p.Path == path && p.Message.Contains(fragment, StringComparison.Ordinal));
        Assert.False(SchemaAccepts(spec));
    }

    [Fact]
    public void The_strategy_must_fit_the_data_and_the_task()
    {
        // Meaning checks, beyond the schema's reach: the validator alone refuses them.
        Assert.Contains(
            SpecFixtures.Validate(Patched("""{ "holdout": { "strategy": "TimeOrdered" } }""")).Problems,
            p => p.Path == "$.holdout.strategy" && p.Message.Contains("needs an event time", StringComparison.Ordinal));

        JsonObject spec = Patched("""{ "holdout": { "strategy": "Stratified" } }""");

        SpecValidationResult result = ProjectSpecValidator.ValidateJson(spec.ToJsonString());
        ProjectSpec regression = ProjectSpecJson.Parse(SpecFixtures.CreditJson) with { Task = ModelTask.Regression, Holdout = new HoldoutSpec { Strategy = HoldoutStrategy.Stratified } };

        Assert.True(result.IsValid);
        Assert.Contains(ProjectSpecValidator.Validate(regression), p => p.Path == "$.holdout.strategy" && p.Message.Contains("Regression", StringComparison.Ordinal));
    }

    [Fact]
    public void A_full_holdout_and_change_guard_are_read_and_satisfy_the_schema()
    {
        JsonObject spec = Patched("""{ "holdout": { "strategy": "Random", "fraction": 0.25, "seed": 7 } }""");
        spec["dataRules"]!["changeGuard"] = JsonNode.Parse("""{ "maxShare": 0.05, "action": "Warn" }""");

        ProjectSpec read = ProjectSpecValidator.ValidateJson(spec.ToJsonString()).GetSpecOrThrow();

        Assert.Equal(new HoldoutSpec { Strategy = HoldoutStrategy.Random, Fraction = 0.25, Seed = 7 }, read.Holdout);
        Assert.Equal(new ChangeGuard { MaxShare = 0.05, Action = GuardAction.Warn }, read.DataRules.ChangeGuard);
        Assert.True(SchemaAccepts(spec));
        Assert.True(SchemaAccepts(JsonNode.Parse(ProjectSpecJson.Serialize(read))!));

        // Absent sections keep the spec's canonical form (and hash) as it was.
        Assert.DoesNotContain("holdout", ProjectSpecJson.Serialize(SpecFixtures.CreditSpec), StringComparison.Ordinal);
    }

    [Fact]
    public void A_change_guard_share_outside_zero_to_one_is_refused()
    {
        JsonObject spec = SpecFixtures.CreditNode();
        spec["dataRules"]!["changeGuard"] = JsonNode.Parse("""{ "maxShare": 1.5 }""");

        Assert.Contains(SpecFixtures.Validate(spec).Problems, p => p.Path == "$.dataRules.changeGuard.maxShare");
        Assert.False(SchemaAccepts(spec));
    }
}
