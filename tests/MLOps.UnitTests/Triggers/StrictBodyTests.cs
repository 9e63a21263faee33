using MLOps.Core.Diagnostics;
using MLOps.Core.Experiments;
using MLOps.Core.Json;
using MLOps.Core.Pipelines;
using MLOps.Triggers.Launching;

namespace MLOps.UnitTests.Triggers;

/// <summary>Request bodies are read strictly against their contract, every problem named by its JSON path.</summary>
public sealed class StrictBodyTests
{
    private static PipelineDefinition Experiment =>
        PipelineCatalog.Default.TryGet(PipelineNames.Experiment, out PipelineDefinition? p) ? p : throw new InvalidOperationException();

    [Theory]
    [InlineData("TPE")]
    [InlineData("tpe")]
    [InlineData("Bayesian")]
    [InlineData("bAyEsIaN")]
    public void TPE_names_the_Bayesian_search_in_any_case(string name)
    {
        var request = (ExperimentRequest?)PipelineInputParser.Parse(Experiment, $$"""{"project":"credit","search":[{"strategy":"{{name}}","trials":4}]}""", out IReadOnlyList<string> problems);

        Assert.Empty(problems);
        Assert.Equal(SearchStrategyKind.Bayesian, Assert.Single(request!.Search!).Strategy);
    }

    [Fact]
    public void An_unknown_strategy_lists_the_valid_ones_and_their_aliases()
    {
        PipelineInputParser.Parse(Experiment, """{"project":"credit","search":[{"strategy":"Hyperband","trials":4}]}""", out IReadOnlyList<string> problems);

        Assert.Equal("$.search[0].strategy: must be one of: Grid, Random, Bayesian (or TPE), Genetic (not 'Hyperband')", Assert.Single(problems));
    }

    [Theory]
    [InlineData("""{"project":"credit","search":[null]}""", "$.search[0]: must not be null")]
    [InlineData("""{"project":"credit","spaces":[null]}""", "$.spaces[0]: must not be null")]
    [InlineData("""{"project":"credit","algorithms":[null]}""", "$.algorithms[0]: must not be null")]
    [InlineData("""{"project":"credit","folds":"5"}""", "$.folds: must be an integer")]
    [InlineData("""{"project":"credit","seed":1e30}""", "$.seed: must be an integer from -9223372036854775808")]
    [InlineData("""{"project":"credit","search":[{"strategy":3,"trials":1}]}""", "$.search[0].strategy: must be one of")]
    [InlineData("""{"project":"credit","spaces":[{"algorithm":"FastTree","parameters":[{"name":"a","kind":"Integer","low":"1","high":2}]}]}""", "$.spaces[0].parameters[0].low: must be a number")]
    public void Shape_problems_are_named_by_path_before_anything_reads_the_value(string body, string expected)
    {
        Assert.Null(PipelineInputParser.Parse(Experiment, body, out IReadOnlyList<string> problems));

        Assert.StartsWith(expected, Assert.Single(problems), StringComparison.Ordinal);
    }

    [Fact]
    public void A_categorical_range_needs_no_bounds()
    {
        PipelineInputParser.Parse(Experiment, """{"project":"credit","spaces":[{"algorithm":"FastTree","parameters":[{"name":"c","kind":"Categorical","choices":["a","b"]}]}]}""", out IReadOnlyList<string> problems);

        Assert.Empty(problems);
    }

    [Fact]
    public void Required_constructor_parameters_are_required()
    {
        Assert.Null(StrictJson.Read<Approval>("""{"approved":true}""", out IReadOnlyList<string> problems));

        Assert.Equal("$.approvedBy: is required", Assert.Single(problems));
    }

    [Fact]
    public void Nesting_deeper_than_the_limit_is_refused_by_the_reader()
    {
        Assert.Null(StrictJson.Read<Approval>(new string('[', 100_000), out IReadOnlyList<string> problems));

        Assert.Contains($"maximum configured depth of {JsonLimits.MaxDepth}", Assert.Single(problems), StringComparison.Ordinal);
    }
}
