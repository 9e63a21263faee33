using MLOps.Core.Diagnostics;
using MLOps.Core.Pipelines;
using MLOps.Triggers.Launching;

namespace MLOps.UnitTests.Triggers;

public class PipelineInputParserTests
{
    private static PipelineDefinition Diagnostics =>
        PipelineCatalog.Default.TryGet(PipelineNames.Diagnostics, out PipelineDefinition? p) ? p : throw new InvalidOperationException();

    [Fact]
    public void An_empty_body_means_the_defaults()
    {
        Assert.Equal(new DiagnosticsRequest(), PipelineInputParser.Parse(Diagnostics, "", out _));
    }

    [Fact]
    public void Fields_bind_case_insensitively()
    {
        Assert.Equal(new DiagnosticsRequest(Steps: 4), PipelineInputParser.Parse(Diagnostics, """{"Steps":4}""", out _));
    }

    [Fact]
    public void Every_invalid_field_is_reported()
    {
        object? input = PipelineInputParser.Parse(Diagnostics, """{"steps":0,"fanOut":5000}""", out IReadOnlyList<string> problems);

        Assert.Null(input);
        Assert.Equal(2, problems.Count);
        Assert.Contains(problems, p => p.StartsWith("steps", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("fanOut", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("{\"steps\":", "Malformed JSON at line 1")]
    [InlineData("[1,2]", "$: must be a JSON object")]
    [InlineData("{\"stepz\":1}", "$.stepz: is not a known property")]
    [InlineData("{\"steps\":\"3\"}", "$.steps: must be an integer")]
    [InlineData("{\"steps\":2147483648}", "$.steps: must be an integer from -2147483648 to 2147483647")]
    [InlineData("{\"steps\":null}", "$.steps: must not be null")]
    [InlineData("{\"steps\":1,\"STEPS\":2}", "$.STEPS: is given twice")]
    public void Malformed_or_unknown_json_is_refused_naming_the_field_never_a_type(string body, string expected)
    {
        Assert.Null(PipelineInputParser.Parse(Diagnostics, body, out IReadOnlyList<string> problems));
        string problem = Assert.Single(problems);
        Assert.StartsWith(expected, problem, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", problem, StringComparison.Ordinal);
        Assert.DoesNotContain("Diagnostics", problem, StringComparison.Ordinal);
    }
}
