using System.Text.Json.Nodes;
using MLOps.Core.Requirements;

namespace MLOps.UnitTests.Core.Requirements;

public sealed class ProjectSpecValidatorTests
{
    private static readonly string[] BrokenSpecPaths =
    [
        "$.acceptance.direction", "$.acceptance.threshold", "$.acceptance.treshold", "$.businessGoal",
        "$.dataRules.columns[1].max", "$.dataRules.columns[3].type", "$.dataRules.columns[9].maxMissingShare",
        "$.deployment[1].trafficPercent", "$.features[0].sources[0]", "$.features[10].transform.denominator",
        "$.features[12].sources[0]", "$.features[2].transform.kind", "$.latency.p95Ms", "$.name",
        "$.owners.ModelRiskAnalyst",
    ];

    private static readonly string[] RequiredMembers =
    [
        "$.acceptance", "$.businessGoal", "$.dataRules", "$.entityKey", "$.features", "$.latency", "$.name", "$.owners", "$.riskTier", "$.target", "$.task",
    ];

    [Theory]
    [InlineData("credit-scoring.json")]
    [InlineData("telecom-churn.json")]
    [InlineData("house-prices.json")]
    [InlineData("concrete-strength.json")]
    public void Example_specs_are_valid(string file)
    {
        SpecValidationResult result = ProjectSpecValidator.ValidateJson(File.ReadAllText(SpecFixtures.SpecPath(file)));

        Assert.Empty(result.Problems);
        Assert.True(result.IsValid);
    }

    [Fact]
    public void A_broken_spec_reports_every_problem_with_its_path()
    {
        JsonObject spec = SpecFixtures.CreditNode();
        spec["name"] = "Credit Scoring!";
        spec.Remove("businessGoal");
        spec["acceptance"]!["threshold"] = 1.2;
        spec["acceptance"]!["direction"] = "<=";
        spec["acceptance"]!["treshold"] = 0.8;
        spec["latency"]!["p95Ms"] = 0;
        spec["dataRules"]!["columns"]![1]!["min"] = 70;
        spec["dataRules"]!["columns"]![9]!["maxMissingShare"] = 1.5;
        spec["dataRules"]!["columns"]![3]!["type"] = "Int";
        spec["features"]![0]!["sources"]![0] = "Seniorty";
        spec["features"]![2]!["transform"]!["kind"] = "Bucketise";
        spec["features"]![10]!["transform"]!["denominator"] = "Prices";
        spec["features"]!.AsArray().Add(JsonNode.Parse("""{ "name": "marital", "sources": ["Marital"], "transform": { "kind": "OneHot" } }"""));
        spec["owners"]!.AsObject().Remove("ModelRiskAnalyst");
        spec["deployment"]![1]!["trafficPercent"] = 150;

        SpecValidationResult result = SpecFixtures.Validate(spec);

        Assert.False(result.IsValid);
        Assert.Null(result.Spec);
        Assert.Equal(
            BrokenSpecPaths,
            result.Problems.Select(p => p.Path).Order(StringComparer.Ordinal));
        Assert.Contains(result.Problems, p => p.Path == "$.businessGoal" && p.Message == "is required");
        Assert.Contains(result.Problems, p => p.Path == "$.acceptance.threshold" && p.Message.Contains("[0.5, 1]", StringComparison.Ordinal));
        Assert.Contains(result.Problems, p => p.Path == "$.dataRules.columns[1].max" && p.Message.Contains("less than min 70", StringComparison.Ordinal));
        Assert.Contains(result.Problems, p => p.Path == "$.features[2].transform.kind" && p.Message.Contains("Bucketize", StringComparison.Ordinal));
        Assert.Contains(result.Problems, p => p.Path == "$.features[10].transform.denominator" && p.Message.Contains("'Prices'", StringComparison.Ordinal));
        Assert.Contains(result.Problems, p => p.Path == "$.features[12].sources[0]" && p.Message.Contains("sensitive", StringComparison.Ordinal));
        Assert.Contains(result.Problems, p => p.Path == "$.owners.ModelRiskAnalyst" && p.Message.Contains("High", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("""{ "task": "Regression" }""", "$.acceptance.metric", "does not apply to Regression")]
    [InlineData("""{ "acceptance": { "metric": "Rmse", "threshold": 0.3, "direction": "<=" } }""", "$.acceptance.metric", "Rmse does not apply to BinaryClassification")]
    [InlineData("""{ "acceptance": { "metric": "Auc", "threshold": 0.45, "direction": ">=" } }""", "$.acceptance.threshold", "[0.5, 1]")]
    [InlineData("""{ "task": "MulticlassClassification", "acceptance": { "metric": "PrAuc", "threshold": 0.3, "direction": ">=" } }""", "$.acceptance.metric", "PrAuc does not apply to MulticlassClassification")]
    [InlineData("""{ "acceptance": { "metric": "PrAuc", "threshold": 1.2, "direction": ">=" } }""", "$.acceptance.threshold", "[0, 1]")]
    [InlineData("""{ "acceptance": { "metric": "LogLoss", "threshold": 0, "direction": "<=" } }""", "$.acceptance.threshold", "(0, ∞)")]
    [InlineData("""{ "acceptance": { "metric": "F1", "threshold": 0.7, "direction": "<=" } }""", "$.acceptance.direction", ">=")]
    [InlineData("""{ "latency": { "p95Ms": -5 } }""", "$.latency.p95Ms", "positive")]
    [InlineData("""{ "latency": { "p95Ms": 12.5 } }""", "$.latency.p95Ms", "integer")]
    [InlineData("""{ "target": { "column": "Status" } }""", "$.target.positiveClass", "required for binary")]
    [InlineData("""{ "target": { "column": "Status", "positiveClass": "default" } }""", "$.target.positiveClass", "allowed values")]
    [InlineData("""{ "target": { "column": "Outcome", "positiveClass": "bad" } }""", "$.target.column", "not declared")]
    [InlineData("""{ "entityKey": { "column": "id" } }""", "$.entityKey.column", "not declared")]
    [InlineData("""{ "eventTime": "Age" }""", "$.eventTime", "DateTime")]
    [InlineData("""{ "riskTier": "Critical" }""", "$.riskTier", "Low, Medium, High")]
    [InlineData("""{ "name": "a-very-long-project-name-that-goes-on-and-on-past-the-dns-label-limit" }""", "$.name", "slug")]
    [InlineData("""{ "name": "credit--scoring" }""", "$.name", "slug")]
    [InlineData("""{ "owners": { "Business": ["a@x"], "DataScientist": ["m@x"], "MlArchitect": ["r@x"], "ModelRiskAnalyst": ["M@X"] } }""", "$.owners.ModelRiskAnalyst", "independent")]
    [InlineData("""{ "owners": { "Boss": ["a@x"] } }""", "$.owners.Boss", "not known")]
    [InlineData("""{ "owners": { "Business": [""] } }""", "$.owners.Business[0]", "principal")]
    [InlineData("""{ "deployment": [{ "kind": "Linear", "stepPercent": 0, "intervalMinutes": 0 }] }""", "$.deployment[0].stepPercent", "percentage")]
    [InlineData("""{ "deployment": [{ "kind": "Shadow" }] }""", "$.deployment[0].durationMinutes", "is required")]
    [InlineData("""{ "deployment": [{ "kind": "AB", "treatmentPercent": 50, "minSamplesPerArm": 0 }] }""", "$.deployment[0].minSamplesPerArm", "positive")]
    [InlineData("""{ "deployment": [{ "trafficPercent": 5 }] }""", "$.deployment[0].kind", "is required")]
    [InlineData("""{ "sensitiveAttributes": [{ "column": "Marital", "groupBoundaries": [1, 2] }] }""", "$.sensitiveAttributes[0].groupBoundaries", "numeric")]
    [InlineData("""{ "sensitiveAttributes": [{ "column": "Age", "groupBoundaries": [30, 30] }] }""", "$.sensitiveAttributes[0].groupBoundaries[1]", "increase")]
    [InlineData("""{ "features": [] }""", "$.features", "at least one")]
    [InlineData("""{ "features": [{ "name": "s", "sources": ["Status"], "transform": { "kind": "Identity" } }] }""", "$.features[0].sources[0]", "leakage")]
    [InlineData("""{ "features": [{ "name": "h", "sources": ["Home"], "transform": { "kind": "Standardize" } }] }""", "$.features[0].sources[0]", "numeric")]
    [InlineData("""{ "features": [{ "name": "d", "sources": ["Time"], "transform": { "kind": "DatePart", "part": "Month" } }] }""", "$.features[0].sources[0]", "DateTime")]
    [InlineData("""{ "features": [{ "name": "h", "sources": ["Home"], "transform": { "kind": "Hashing", "buckets": 1 } }] }""", "$.features[0].transform.buckets", "at least 2")]
    [InlineData("""{ "features": [{ "name": "b", "sources": ["Time"], "transform": { "kind": "Bucketize", "boundaries": [] } }] }""", "$.features[0].transform.boundaries", "at least one")]
    [InlineData("""{ "features": [{ "name": "b", "sources": ["Time"], "transform": { "kind": "Bucketize", "boundaries": [1, "x"] } }] }""", "$.features[0].transform.boundaries[1]", "number")]
    [InlineData("""{ "features": [{ "name": "l", "sources": ["Time"], "transform": { "kind": "Log", "offset": -6 } }] }""", "$.features[0].transform.offset", "undefined")]
    [InlineData("""{ "features": [{ "name": "r", "sources": ["Amount"], "transform": { "kind": "Ratio", "numerator": "Amount", "denominator": "Price" } }] }""", "$.features[0].sources", "2 source")]
    [InlineData("""{ "features": [{ "name": "r", "sources": ["Amount", "Time"], "transform": { "kind": "Ratio", "numerator": "Amount", "denominator": "Price" } }] }""", "$.features[0].transform.denominator", "not one of the feature's sources")]
    [InlineData("""{ "features": [{ "name": "x", "sources": ["Time"], "transform": { "kind": "Identity" } }, { "name": "x", "sources": ["Age"], "transform": { "kind": "Identity" } }] }""", "$.features[1].name", "more than once")]
    public void Each_rule_reports_at_its_path(string patch, string path, string fragment)
    {
        JsonObject spec = SpecFixtures.CreditNode();
        foreach ((string key, JsonNode? value) in JsonNode.Parse(patch)!.AsObject())
        {
            spec[key] = value?.DeepClone();
        }

        SpecValidationResult result = SpecFixtures.Validate(spec);

        Assert.Contains(result.Problems, p => p.Path == path && p.Message.Contains(fragment, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("""{ "name": "Status", "type": "Categorical", "allowedValues": [] }""", "$.dataRules.columns[0].allowedValues", "at least one")]
    [InlineData("""{ "name": "Status", "type": "Categorical", "allowedValues": ["good", "bad"], "min": 1 }""", "$.dataRules.columns[0].min", "Integer or Number")]
    [InlineData("""{ "name": "Status", "type": "Integer", "allowedValues": ["good", "bad"] }""", "$.dataRules.columns[0].allowedValues", "Categorical")]
    [InlineData("""{ "name": "Status", "type": "Categorical", "allowedValues": ["good", "bad"], "maxMissingShare": -0.1 }""", "$.dataRules.columns[0].maxMissingShare", "[0, 1]")]
    [InlineData("""{ "name": "Status", "type": "Categorical", "allowedValues": ["good", "bad"], "severity": "Fatal" }""", "$.dataRules.columns[0].severity", "Hard, Soft")]
    [InlineData("""{ "name": "Status", "type": "Categorical", "allowedValues": ["good", "bad", "unknown"] }""", "$.target.column", "exactly two")]
    [InlineData("""{ "name": "Age", "type": "Integer" }""", "$.dataRules.columns[4].name", "more than once")]
    [InlineData("""{ "name": "Status", "type": "Integer", "normalise": true }""", "$.dataRules.columns[0].normalise", "Categorical or Text")]
    [InlineData("""{ "name": "Status", "type": "Categorical", "allowedValues": ["good", "Good", "bad"], "normalise": true }""", "$.dataRules.columns[0].allowedValues", "'good' and 'Good' have the same canonical spelling 'good'")]
    [InlineData("""{ "name": "Status", "type": "Categorical", "allowedValues": ["good", "bad"], "changeGuard": { "maxShare": 1.5 } }""", "$.dataRules.columns[0].changeGuard.maxShare", "[0, 1]")]
    [InlineData("""{ "name": "Status", "type": "Categorical", "allowedValues": ["good", "bad"], "changeGuard": { "action": "Ignore" } }""", "$.dataRules.columns[0].changeGuard.action", "Fail, Warn")]
    public void Column_rules_are_checked(string column, string path, string fragment)
    {
        JsonObject spec = SpecFixtures.CreditNode();
        JsonArray columns = spec["dataRules"]!["columns"]!.AsArray();
        columns[0] = JsonNode.Parse(column);
        if (path.EndsWith(".name", StringComparison.Ordinal))
        {
            columns.Add(JsonNode.Parse("""{ "name": "Status", "type": "Categorical", "allowedValues": ["good", "bad"] }"""));
        }

        SpecValidationResult result = SpecFixtures.Validate(spec);

        Assert.Contains(result.Problems, p => p.Path == path && p.Message.Contains(fragment, StringComparison.Ordinal));
    }

    [Fact]
    public void A_binary_project_may_gate_on_pr_auc()
    {
        JsonObject spec = SpecFixtures.CreditNode();
        spec["acceptance"] = JsonNode.Parse("""{ "metric": "PrAuc", "threshold": 0.55, "direction": ">=" }""");

        SpecValidationResult result = SpecFixtures.Validate(spec);

        Assert.True(result.IsValid, string.Join("; ", result.Problems));
        Assert.Equal(MLOps.Core.Requirements.AcceptanceMetric.PrAuc, result.Spec!.Acceptance.Metric);
    }

    [Fact]
    public void Min_rows_must_be_positive()
    {
        JsonObject spec = SpecFixtures.CreditNode();
        spec["dataRules"]!["minRows"] = 0;

        Assert.Contains(SpecFixtures.Validate(spec).Problems, p => p.Path == "$.dataRules.minRows");
    }

    [Fact]
    public void Malformed_json_is_a_single_problem_naming_line_and_position()
    {
        const string json = "{\n  \"name\": \"credit-scoring\",\n  \"task\": ,\n}";

        SpecValidationResult result = ProjectSpecValidator.ValidateJson(json);

        SpecProblem problem = Assert.Single(result.Problems);
        Assert.Equal("$", problem.Path);
        Assert.StartsWith("Malformed JSON at line 3, position 11:", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicate_properties_are_malformed()
    {
        SpecValidationResult result = ProjectSpecValidator.ValidateJson("{ \"name\": \"a\", \"name\": \"b\" }");

        // The reader reports duplicates without a position, so the message names the property instead.
        Assert.StartsWith("Malformed JSON: Duplicate property 'name'", Assert.Single(result.Problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_json_array_is_not_a_spec()
    {
        Assert.Equal("$", Assert.Single(ProjectSpecValidator.ValidateJson("[1, 2]").Problems).Path);
    }

    [Fact]
    public void An_empty_object_reports_each_required_member_once()
    {
        SpecValidationResult result = ProjectSpecValidator.ValidateJson("{}");

        Assert.Equal(
            RequiredMembers,
            result.Problems.Select(p => p.Path).Order(StringComparer.Ordinal));
        Assert.All(result.Problems, p => Assert.Equal("is required", p.Message));
    }

    [Fact]
    public void Low_risk_needs_only_business_and_modelling_owners()
    {
        JsonObject spec = SpecFixtures.CreditNode();
        spec["riskTier"] = "Low";
        spec["owners"] = JsonNode.Parse("""{ "Business": ["b@x"], "DataScientist": ["d@x"] }""");

        Assert.True(SpecFixtures.Validate(spec).IsValid);
    }

    [Fact]
    public void Invalid_result_throws_with_every_problem_listed()
    {
        InvalidDataException error = Assert.Throws<InvalidDataException>(() => ProjectSpecJson.Parse("{}"));

        Assert.Contains("$.owners: is required", error.Message, StringComparison.Ordinal);
        Assert.Contains("$.task: is required", error.Message, StringComparison.Ordinal);
    }
}
