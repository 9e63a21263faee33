using Azure.Data.Tables;
using MLOps.Core.FeatureStore;

namespace MLOps.UnitTests.Core.FeatureStore.Online;

public sealed class OnlineTableLayoutTests
{
    [Fact]
    public void Missing_values_are_omitted_and_read_back_as_NaN()
    {
        FeatureSetVersion version = Versions.Of("p", 3, "amount", "age", "flag");

        TableEntity entity = OnlineTableLayout.ToEntity(version, "c/1", version.Features, OnlineTableLayout.PropertiesOf(version.Features), [12.5, double.NaN, 0]);
        OnlineFeatureVector vector = OnlineTableLayout.FromEntity(entity);

        Assert.False(entity.ContainsKey("F_age"));
        Assert.Equal("age", entity.GetString(OnlineTableLayout.Missing));
        Assert.Equal("c%2F1", entity.RowKey);
        Assert.Equal(("c/1", 3, "sha-3"), (vector.Key, vector.Version, vector.FeatureSetSha256));
        Assert.Equal(12.5, vector.Values["amount"]);
        Assert.True(double.IsNaN(vector.Values["age"]));
        Assert.Equal(0.0, vector.Values["flag"]);
        Assert.Equal(3, vector.Values.Count);
    }
}
