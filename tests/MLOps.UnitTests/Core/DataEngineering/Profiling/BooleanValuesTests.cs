using MLOps.Core.DataEngineering.Profiling;

namespace MLOps.UnitTests.Core.DataEngineering.Profiling;

public class BooleanValuesTests
{
    [Theory]
    [InlineData("true", true)]
    [InlineData("TRUE", true)]
    [InlineData("t", true)]
    [InlineData("Yes", true)]
    [InlineData(" y ", true)]
    [InlineData("1", true)]
    [InlineData("False", false)]
    [InlineData("F", false)]
    [InlineData("no", false)]
    [InlineData("N", false)]
    [InlineData("0", false)]
    public void The_usual_spellings_parse_in_any_case(string text, bool expected)
    {
        Assert.True(BooleanValues.TryParse(text, out bool value));
        Assert.Equal(expected, value);
        Assert.True(ValueParsing.IsBoolean(text));
    }

    [Theory]
    [InlineData("on")]
    [InlineData("off")]
    [InlineData("1.0")]
    [InlineData("-1")]
    [InlineData("2")]
    [InlineData("yess")]
    [InlineData("")]
    [InlineData(null)]
    public void Anything_else_is_not_a_boolean(string? text)
    {
        Assert.False(BooleanValues.TryParse(text, out bool value));
        Assert.False(value);
    }
}
