namespace MLOps.Core.DataEngineering.Profiling;

/// <summary>
/// The one definition of a missing value shared by profiling, validation and cleaning: an empty or
/// whitespace-only field. CSV cannot tell an absent value from an empty string, and sentinel tokens such as
/// "NA" are dataset conventions that a cleaning step should turn into empty fields first.
/// </summary>
public static class MissingValues
{
    public static bool IsMissing(string? value) => string.IsNullOrWhiteSpace(value);
}
