using MLOps.Core.Tracking;

namespace MLOps.UnitTests.Core.Tracking;

public sealed class MetricConditionTests
{
    private static readonly Dictionary<string, double> Metrics = new() { ["auc"] = 0.85, ["auc/fold0"] = 0.8 };

    [Theory]
    [InlineData("auc > 0.8", true)]
    [InlineData("auc>0.9", false)]
    [InlineData("auc >= 0.85", true)]
    [InlineData("auc < 0.85", false)]
    [InlineData("auc/fold0 <= 0.8", true)]
    [InlineData("auc = 0.85", true)]
    [InlineData("auc == 0.85", true)]
    [InlineData("auc != 0.85", false)]
    [InlineData("rmse < 10", false)]
    public void Conditions_parse_and_match(string text, bool matches) =>
        Assert.Equal(matches, MetricCondition.Parse(text).Matches(Metrics));

    [Theory]
    [InlineData("auc")]
    [InlineData("auc > high")]
    [InlineData("> 0.8")]
    public void Malformed_conditions_are_rejected(string text) =>
        Assert.Throws<FormatException>(() => MetricCondition.Parse(text));
}
