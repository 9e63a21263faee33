using MLOps.Core.Json;
using MLOps.Core.Serving.Endpoints;
using MLOps.Triggers.Http;

namespace MLOps.UnitTests.Triggers;

/// <summary>The override's body is read strictly and judged by the table's rules, every problem naming its field.</summary>
public sealed class TrafficBodyTests
{
    private static readonly string A = new('a', 64), B = new('b', 64);

    [Fact]
    public void A_valid_body_gives_the_table_with_mirror_shares_defaulting_to_none()
    {
        TrafficBody body = Read($$"""{"weights":[{"package":"{{A}}","trafficPercent":90},{"package":"{{B}}","trafficPercent":10,"mirrorPercent":25}],"reason":"canary","expectedRevision":3}""");

        Assert.Empty(body.Validate());
        Assert.Equal([new TrafficWeight(A, 90, 0), new TrafficWeight(B, 10, 25)], body.Table());
        Assert.Equal(3, body.ExpectedRevision);
    }

    [Theory]
    [InlineData("""{"weights":[],"reason":"x"}""", "weights: must name 1 to 4 packages, not 0")]
    [InlineData("""{"weights":[{"package":"AA","trafficPercent":100}],"reason":"x"}""", "weights[0].package: must be a package digest")]
    [InlineData("""{"weights":[{"package":"@A","trafficPercent":100}],"reason":""}""", "reason: must say why the traffic is set by hand")]
    [InlineData("""{"weights":[{"package":"@A","trafficPercent":70},{"package":"@B","trafficPercent":20}],"reason":"x"}""", "weights: the trafficPercent shares must sum to 100, not 90")]
    [InlineData("""{"weights":[{"package":"@A","trafficPercent":100}],"reason":"x","expectedRevision":-1}""", "expectedRevision: must be 0")]
    public void Table_and_reason_problems_name_their_field(string json, string expected)
    {
        TrafficBody body = Read(json.Replace("@A", A, StringComparison.Ordinal).Replace("@B", B, StringComparison.Ordinal));

        Assert.StartsWith(expected, Assert.Single(body.Validate()), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"weights":[{"package":"x","trafficPercent":"90"}],"reason":"x"}""", "$.weights[0].trafficPercent: must be a number")]
    [InlineData("""{"weights":[{"package":"x","trafficPercent":90,"share":1}],"reason":"x"}""", "$.weights[0].share: is not a known property")]
    [InlineData("""{"weights":[{"package":"x"}],"reason":"x"}""", "$.weights[0].trafficPercent: is required")]
    [InlineData("""{"weights":[null],"reason":"x"}""", "$.weights[0]: must not be null")]
    [InlineData("""{"weights":[{"package":"x","trafficPercent":100}]}""", "$.reason: is required")]
    public void Shape_problems_are_named_by_path(string json, string expected)
    {
        Assert.Null(StrictJson.Read<TrafficBody>(json, out IReadOnlyList<string> problems));

        Assert.StartsWith(expected, Assert.Single(problems), StringComparison.Ordinal);
    }

    private static TrafficBody Read(string json)
    {
        TrafficBody? body = StrictJson.Read<TrafficBody>(json, out IReadOnlyList<string> problems);
        Assert.Empty(problems);
        return body!;
    }
}
