using MLOps.Core.Landing;

namespace MLOps.UnitTests.Core.Landing;

public class LandingBlobTests
{
    [Fact]
    public void The_project_is_the_first_segment()
    {
        Assert.Equal("credit-scoring", new LandingBlob("landing", "credit-scoring/2026/credit.csv", "\"0x1\"").Project);
    }

    [Fact]
    public void The_instance_id_is_stable_for_a_blob_version_and_changes_with_the_etag()
    {
        var first = new LandingBlob("landing", "p/a.csv", "\"0x8D1\"");

        Assert.Equal(first.PipelineInstanceId(), new LandingBlob("landing", "p/a.csv", "0x8D1").PipelineInstanceId());
        Assert.NotEqual(first.PipelineInstanceId(), (first with { ETag = "\"0x8D2\"" }).PipelineInstanceId());
        Assert.NotEqual(first.PipelineInstanceId(), (first with { Name = "p/b.csv" }).PipelineInstanceId());
        Assert.StartsWith("data-p-", first.PipelineInstanceId(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("p/../x.csv", "'..'")]
    [InlineData("p/./x.csv", "'..'")]
    [InlineData("p/x\u0001.csv", "control")]
    [InlineData("x.csv", "'{project}/{file}'")]
    [InlineData("p//x.csv", "empty segments")]
    [InlineData("Bad_Project/x.csv", "lowercase")]
    public void Unsafe_names_are_refused_with_a_reason(string name, string reason)
    {
        IReadOnlyList<string> problems = new LandingBlob("landing", name, "e").Validate();

        Assert.Contains(problems, p => p.Contains(reason, StringComparison.Ordinal));
    }

    [Fact]
    public void A_well_formed_name_has_no_problems()
    {
        Assert.Empty(new LandingBlob("landing", "churn-2026/raw/mlc_churn.csv", "e").Validate());
    }
}
