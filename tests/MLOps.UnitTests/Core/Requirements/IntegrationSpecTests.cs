using System.Text.Json.Nodes;
using Json.Schema;
using MLOps.Core.Requirements;

namespace MLOps.UnitTests.Core.Requirements;

/// <summary>The spec's integration settings (a sensitive attribute's fairness bound, robustness): validator and schema agree.</summary>
public sealed class IntegrationSpecTests
{
    private static readonly JsonSchema Schema = JsonSchema.FromText(ProjectSpecSchema.Text);

    private static bool SchemaAccepts(JsonNode spec) => Schema.Evaluate(spec, new EvaluationOptions { OutputFormat = OutputFormat.List }).IsValid;

    private static JsonObject With(double? maxDifference, string? robustness)
    {
        JsonObject spec = SpecFixtures.CreditNode();
        if (maxDifference is { } bound)
        {
            spec["sensitiveAttributes"]![0]!["maxDifference"] = bound;
        }

        if (robustness is not null)
        {
            spec["robustness"] = JsonNode.Parse(robustness);
        }

        return spec;
    }

    [Fact]
    public void The_settings_are_read_and_satisfy_the_schema_and_absent_ones_leave_the_canonical_form_alone()
    {
        JsonObject spec = With(0.05, """{ "noiseScale": 0.02, "maxFlipShare": 0.1 }""");

        ProjectSpec read = ProjectSpecValidator.ValidateJson(spec.ToJsonString()).GetSpecOrThrow();

        Assert.Equal(0.05, read.SensitiveAttributes[0].MaxDifference);
        Assert.Equal(new RobustnessSpec { NoiseScale = 0.02, MaxFlipShare = 0.1 }, read.Robustness);
        Assert.True(SchemaAccepts(spec));
        Assert.True(SchemaAccepts(JsonNode.Parse(ProjectSpecJson.Serialize(read))!));
        Assert.True(SchemaAccepts(With(null, """{ "maxFlipShare": 0 }""")));
        Assert.Contains("Largest demographic-parity and equal-opportunity difference: 0.05.", DesignDocument.Render(read), StringComparison.Ordinal);
        string canonical = ProjectSpecJson.Serialize(SpecFixtures.CreditSpec);
        Assert.DoesNotContain("robustness", canonical, StringComparison.Ordinal);
        Assert.DoesNotContain("maxDifference", canonical, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1.5, null, "$.sensitiveAttributes[0].maxDifference", "[0, 1]")]
    [InlineData(-0.1, null, "$.sensitiveAttributes[0].maxDifference", "[0, 1]")]
    [InlineData(null, """{ "noiseScale": 0 }""", "$.robustness.noiseScale", "(0, 1]")]
    [InlineData(null, """{ "noiseScale": 2 }""", "$.robustness.noiseScale", "(0, 1]")]
    [InlineData(null, """{ "maxFlipShare": 1.2 }""", "$.robustness.maxFlipShare", "[0, 1]")]
    public void Out_of_range_settings_are_refused_by_validator_and_schema(double? maxDifference, string? robustness, string path, string fragment)
    {
        JsonObject spec = With(maxDifference, robustness);

        SpecValidationResult result = SpecFixtures.Validate(spec);

        Assert.Contains(result.Problems, p => p.Path == path && p.Message.Contains(fragment, StringComparison.Ordinal));
        Assert.False(SchemaAccepts(spec));
    }

    [Fact]
    public void An_unknown_robustness_member_is_refused()
    {
        JsonObject spec = With(null, """{ "noise": 0.1 }""");

        Assert.False(SpecFixtures.Validate(spec).IsValid);
        Assert.False(SchemaAccepts(spec));
    }
}
