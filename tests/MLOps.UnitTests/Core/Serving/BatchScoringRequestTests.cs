using MLOps.Core.Serving.Batch;

namespace MLOps.UnitTests.Core.Serving;

public sealed class BatchScoringRequestTests
{
    [Theory]
    [InlineData("landing/credit/applications.csv")]
    [InlineData("samples/credit/2026/june.parquet")]
    public void The_input_is_a_csv_or_parquet_file_of_the_projects_own_data(string input)
    {
        Assert.Empty(new BatchScoringRequest("credit", "scores", input).Validate());
    }

    [Theory]
    [InlineData("credit", "scores", "audit/credit/x.csv", "input must be in the landing or samples container")]
    [InlineData("credit", "scores", "landing/other/x.csv", "input must name a file under the project's folder 'credit/'")]
    [InlineData("credit", "scores", "landing/credit/../x.csv", "input must name a file under the project's folder")]
    [InlineData("credit", "scores", "landing/credit/x.json", "input must be a .csv or .parquet file")]
    [InlineData("credit", "scores", "x.csv", "input must name a blob as {container}/{project}/{file}")]
    [InlineData("credit", "Scores", "landing/credit/x.csv", "endpoint: must be a lower-case slug")]
    [InlineData("Credit", "scores", "landing/Credit/x.csv", "project: must be a lower-case slug")]
    public void Anything_else_is_named(string project, string endpoint, string input, string expected)
    {
        Assert.Contains(new BatchScoringRequest(project, endpoint, input).Validate(), p => p.StartsWith(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void The_caller_is_who_requested_it_whatever_the_body_says()
    {
        var request = (BatchScoringRequest)new BatchScoringRequest("credit", "scores", "landing/credit/x.csv", "someone-else").ForCaller("app");

        Assert.Equal("app", request.RequestedBy);
    }
}
