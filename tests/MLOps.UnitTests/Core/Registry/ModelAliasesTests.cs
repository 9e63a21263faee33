using MLOps.Core.Registry;

namespace MLOps.UnitTests.Core.Registry;

public sealed class ModelAliasesTests
{
    [Theory]
    [InlineData("champion")]
    [InlineData("challenger")]
    [InlineData("a")]
    [InlineData("shadow-2")]
    public void Lower_case_names_starting_with_a_letter_are_aliases(string alias) => Assert.True(ModelAliases.IsValid(alias));

    [Theory]
    [InlineData("")]
    [InlineData("Champion")]
    [InlineData("2nd")]
    [InlineData("-x")]
    [InlineData("a_b")]
    [InlineData("a|b")]
    [InlineData(null)]
    public void Other_names_are_not(string? alias)
    {
        Assert.False(ModelAliases.IsValid(alias));
        Assert.Throws<ArgumentException>(() => ModelAliases.Validate(alias));
    }

    [Fact]
    public void Aliases_allow_63_characters()
    {
        Assert.True(ModelAliases.IsValid("a" + new string('b', 62)));
        Assert.False(ModelAliases.IsValid("a" + new string('b', 63)));
    }

    [Theory]
    [InlineData("churn", true)]
    [InlineData("Churn_Model.v2", true)]
    [InlineData("churn/model", false)]
    [InlineData("churn@x", false)]
    [InlineData("churn|x", false)]
    [InlineData(".hidden", false)]
    public void Model_names_keep_key_and_uri_separators_out(string name, bool valid) =>
        Assert.Equal(valid, ModelAliases.IsValidModelName(name));
}
