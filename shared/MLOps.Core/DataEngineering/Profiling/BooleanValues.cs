namespace MLOps.Core.DataEngineering.Profiling;

/// <summary>
/// The one definition of a Boolean field, shared by profiling, validation, the spec review and feature encoding:
/// true is <c>true</c>, <c>t</c>, <c>yes</c>, <c>y</c> or <c>1</c>; false is <c>false</c>, <c>f</c>, <c>no</c>,
/// <c>n</c> or <c>0</c>; any letter case, surrounding whitespace ignored. Nothing else (not "on", "1.0" or "-1").
/// </summary>
public static class BooleanValues
{
    public static readonly IReadOnlyList<string> TrueSpellings = ["true", "t", "yes", "y", "1"];

    public static readonly IReadOnlyList<string> FalseSpellings = ["false", "f", "no", "n", "0"];

    public static bool TryParse(string? text, out bool value)
    {
        value = false;
        if (text is null)
        {
            return false;
        }

        ReadOnlySpan<char> token = text.AsSpan().Trim();
        if (token.Length > 5)
        {
            return false;
        }

        foreach (string spelling in TrueSpellings)
        {
            if (token.Equals(spelling, StringComparison.OrdinalIgnoreCase))
            {
                value = true;
                return true;
            }
        }

        foreach (string spelling in FalseSpellings)
        {
            if (token.Equals(spelling, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
