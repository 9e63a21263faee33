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
    [InlineData("{\"steps\":")]
    [InlineData("[1,2]")]
    [InlineData("{\"stepz\":1}")]
    [InlineData("{\"steps\":\"three\"}")]
    public void Malformed_or_unknown_json_is_refused_with_a_reason(string body)
    {
        Assert.Null(PipelineInputParser.Parse(Diagnostics, body, out IReadOnlyList<string> problems));
        Assert.Contains("DiagnosticsRequest", Assert.Single(problems), StringComparison.Ordinal);
    }
}
