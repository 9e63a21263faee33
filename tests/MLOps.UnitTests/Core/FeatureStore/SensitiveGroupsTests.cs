using MLOps.Core.FeatureStore;
using MLOps.Core.Requirements;

namespace MLOps.UnitTests.Core.FeatureStore;

public sealed class SensitiveGroupsTests
{
    private static readonly SensitiveAttribute Age = new() { Column = "Age", GroupBoundaries = [25, 35, 50, 65] };

    [Theory]
    [InlineData("18", "≤ 25")]
    [InlineData("25", "≤ 25")]
    [InlineData("26", "25–35")]
    [InlineData("65", "50–65")]
    [InlineData("66", "> 65")]
    [InlineData("", SensitiveGroups.Missing)]
    public void Numeric_attributes_are_banded_right_closed_like_bucketized_features(string value, string band)
    {
        Assert.Equal(band, SensitiveGroups.Label(Age, value));
    }

    [Fact]
    public void Categorical_attributes_keep_their_value()
    {
        Assert.Equal("married", SensitiveGroups.Label(new SensitiveAttribute { Column = "Marital" }, " married "));
    }
}
