using MLOps.Core.Requirements;

namespace MLOps.UnitTests.Core.Requirements;

public sealed class ProjectSpecYamlTests
{
    private const string Yaml = """
        name: fraud-alerts
        businessGoal: Flag card transactions for manual review
        task: BinaryClassification
        target: { column: is_fraud, positiveClass: "1" }
        entityKey: { column: transaction_id }
        eventTime: ~
        acceptance: { metric: Recall, threshold: 0.7, direction: ">=" }
        latency: { p95Ms: 50 }
        dataRules:
          minRows: 10000
          columns:
            - { name: transaction_id, type: Text, unique: true }
            - { name: is_fraud, type: Categorical, allowedValues: ["0", "1"] }
            - { name: amount, type: Number, min: 0, maxMissingShare: 0.0 }
        features:
          - name: log_amount
            sources: [amount]
            transform: { kind: Log }
        riskTier: Medium
        owners:
          Business: [risk.lead@bank.example]
          DataScientist: [fraud.modeller@bank.example]
          MlArchitect: [architect@bank.example]
        deployment:
          - kind: BlueGreen
        """;

    [Fact]
    public void Yaml_specs_take_the_json_path()
    {
        SpecValidationResult result = ProjectSpecValidator.ValidateYaml(Yaml);

        Assert.Empty(result.Problems);
        ProjectSpec spec = result.GetSpecOrThrow();
        Assert.Equal("1", spec.Target.PositiveClass);
        Assert.Equal(0.7, spec.Acceptance.Threshold);
        Assert.Null(spec.EventTime);
        Assert.True(spec.DataRules.Columns[0].Unique);
        Assert.Equal(1.0, Assert.IsType<LogTransform>(spec.Features[0].Transform).Offset);
        Assert.Equal(60, Assert.IsType<BlueGreenDeployment>(spec.Deployment[0]).RollbackWindowMinutes);
    }

    [Fact]
    public void Yaml_problems_carry_json_paths()
    {
        SpecValidationResult result = ProjectSpecValidator.ValidateYaml(Yaml.Replace("threshold: 0.7", "threshold: high", StringComparison.Ordinal));

        Assert.Equal("$.acceptance.threshold", Assert.Single(result.Problems).Path);
    }

    [Theory]
    [InlineData("name: a\n  bad: x\n- y\n", "Malformed YAML at line 2, column 6:")]
    [InlineData("name: a\nname: b\n", "Malformed YAML at line 2, column 1: Duplicate key")]
    [InlineData("name: a\ntask: [unclosed\n", "Malformed YAML")]
    [InlineData("- a\n- b\n", "A project spec must be a JSON object.")]
    public void Malformed_yaml_is_a_single_problem(string yaml, string start)
    {
        SpecProblem problem = Assert.Single(ProjectSpecValidator.ValidateYaml(yaml).Problems);

        Assert.Equal("$", problem.Path);
        Assert.StartsWith(start, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Several_documents_are_refused()
    {
        SpecValidationResult result = ProjectSpecValidator.ValidateYaml("name: a\n---\nname: b\n");

        Assert.Contains("exactly one document", Assert.Single(result.Problems).Message, StringComparison.Ordinal);
    }
}
