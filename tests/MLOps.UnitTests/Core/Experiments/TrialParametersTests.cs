using MLOps.Core.Experiments;

namespace MLOps.UnitTests.Core.Experiments;

public class TrialParametersTests
{
    [Fact]
    public void Reads_invariant_numbers_whole_floats_and_choices()
    {
        var p = new Dictionary<string, string> { ["a"] = "0.125", ["n"] = "31.0", ["c"] = "gbdt" };

        Assert.Equal(0.125, TrialParameters.GetDouble(p, "a"));
        Assert.Equal(31, TrialParameters.GetInt(p, "n"));
        Assert.Equal("gbdt", TrialParameters.GetString(p, "c"));
        Assert.Equal(5, TrialParameters.GetInt(p, "missing", 5));
        Assert.Throws<FormatException>(() => TrialParameters.GetInt(new Dictionary<string, string> { ["n"] = "2.5" }, "n"));
        Assert.Equal("0.1", TrialParameters.From(new Dictionary<string, double> { ["x"] = 0.1 })["x"]);
    }
}
