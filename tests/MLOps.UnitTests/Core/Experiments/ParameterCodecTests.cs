using MLOps.Core.Experiments;

namespace MLOps.UnitTests.Core.Experiments;

public class ParameterCodecTests
{
    [Fact]
    public void Unit_endpoints_are_the_declared_bounds()
    {
        var rate = new ParameterRange("l2", ParameterKind.LogFloat, 1e-6, 1);
        var leaves = new ParameterRange("leaves", ParameterKind.Integer, 2, 64);
        var booster = new ParameterRange("b", ParameterKind.Categorical, 0, 0, ["a", "b", "c"]);

        Assert.Equal(("1E-06", "1"), (ParameterCodec.FromUnit(rate, 0), ParameterCodec.FromUnit(rate, 1)));
        Assert.Equal(("2", "64"), (ParameterCodec.FromUnit(leaves, 0), ParameterCodec.FromUnit(leaves, 1)));
        Assert.Equal(("a", "c"), (ParameterCodec.FromUnit(booster, 0), ParameterCodec.FromUnit(booster, 1)));
    }

    [Fact]
    public void Floats_round_trip_through_invariant_text()
    {
        var range = new ParameterRange("x", ParameterKind.Float, 0, 1);

        string text = ParameterCodec.FromUnit(range, 1.0 / 3);

        Assert.Equal(1.0 / 3, double.Parse(text, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(1.0 / 3, ParameterCodec.ToUnit(range, text), 12);
    }

    [Theory]
    [InlineData(ParameterKind.LogFloat, 0, 1)]
    [InlineData(ParameterKind.Float, 2, 1)]
    [InlineData(ParameterKind.Integer, 1.2, 1.8)]
    public void Invalid_ranges_are_rejected(ParameterKind kind, double low, double high) =>
        Assert.Throws<ArgumentException>(() => ParameterCodec.Validate(new ParameterRange("p", kind, low, high)));

    [Fact]
    public void Categoricals_need_choices() =>
        Assert.Throws<ArgumentException>(() => ParameterCodec.Validate(new ParameterRange("p", ParameterKind.Categorical, 0, 0)));
}
