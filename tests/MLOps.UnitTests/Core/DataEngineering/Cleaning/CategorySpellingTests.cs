using MLOps.Core.DataEngineering.Cleaning;

namespace MLOps.UnitTests.Core.DataEngineering.Cleaning;

public class CategorySpellingTests
{
    [Fact]
    public void Without_normalisation_only_identical_values_match_and_are_kept_as_they_are()
    {
        var spelling = new CategorySpelling(["Month-to-month", "KS"], normalise: false);

        Assert.Equal("Month-to-month", spelling.Clean("Month-to-month"));
        Assert.Equal("KS", spelling.Clean("KS"));
        Assert.Null(spelling.Clean("month-to-month"));
        Assert.Null(spelling.Clean("KS "));
        Assert.Equal("Anything", new CategorySpelling(null, normalise: false).Clean("Anything"));
    }

    [Fact]
    public void With_normalisation_a_value_takes_the_declared_spelling_of_the_allowed_value_it_matches()
    {
        var spelling = new CategorySpelling(["Fiber optic", "DSL", "WD"], normalise: true);

        Assert.Equal("Fiber optic", spelling.Clean("  FIBER\u00A0 OPTIC "));
        Assert.Equal("DSL", spelling.Clean("ｄｓｌ"));
        Assert.Equal("WD", spelling.Clean("WD "));
        Assert.Null(spelling.Clean("Cable"));
        Assert.Equal("fiber optic", new CategorySpelling(null, normalise: true).Clean("Fiber  Optic"));
    }

    [Fact]
    public void Allowed_values_that_normalise_alike_are_named()
    {
        Assert.Equal(("Yes", "yes ", "yes"), CategorySpelling.Ambiguous(["Yes", "No", "yes "]));
        Assert.Null(CategorySpelling.Ambiguous(["Yes", "No"]));
    }
}
