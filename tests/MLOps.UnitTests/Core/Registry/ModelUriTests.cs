using MLOps.Core.Registry;

namespace MLOps.UnitTests.Core.Registry;

public sealed class ModelUriTests
{
    [Fact]
    public void Alias_uris_parse_to_name_and_alias()
    {
        ModelUri uri = ModelUri.Parse("models:/churn@champion");

        Assert.Equal(("churn", (int?)null, "champion"), (uri.Name, uri.Version, uri.Alias));
        Assert.Equal("models:/churn@champion", uri.ToString());
    }

    [Fact]
    public void Version_uris_parse_to_name_and_number()
    {
        ModelUri uri = ModelUri.Parse("models:/churn/12");

        Assert.Equal(("churn", (int?)12, (string?)null), (uri.Name, uri.Version, uri.Alias));
        Assert.Equal(uri, ModelUri.ForVersion("churn", 12));
        Assert.Equal("models:/churn/12", uri.ToString());
    }

    [Theory]
    [InlineData("churn@champion")]
    [InlineData("models:/churn")]
    [InlineData("models:/churn/0")]
    [InlineData("models:/churn/-1")]
    [InlineData("models:/churn/1.5")]
    [InlineData("models:/churn/+1")]
    [InlineData("models:/churn@Champion")]
    [InlineData("models:/churn/1@champion")]
    [InlineData("models:/@champion")]
    [InlineData("runs:/abc/model")]
    public void Malformed_uris_are_rejected(string text)
    {
        Assert.False(ModelUri.TryParse(text, out _));
        Assert.Throws<FormatException>(() => ModelUri.Parse(text));
    }
}
