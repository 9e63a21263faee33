using MLOps.Core.Requirements;

namespace MLOps.Core.FeatureStore;

/// <summary>The statistics of a feature-set version, features ranked by importance (rank 1 first).</summary>
public sealed record FeatureStatistics(
    string Project,
    int Version,
    ModelTask Task,
    string? PositiveClass,
    long Rows,
    IReadOnlyList<FeatureStatistic> Features,
    int? PreviousVersion)
{
    /// <summary>
    /// Feature names for selection, in rank order: those with at least <paramref name="minInformationValue"/>
    /// (features without an IV fail an IV threshold) and at least <paramref name="minImportance"/>, then the
    /// first <paramref name="top"/>.
    /// </summary>
    public IReadOnlyList<string> Select(int? top = null, double? minInformationValue = null, double? minImportance = null)
    {
        if (top is < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(top), top, "The number of features to select cannot be negative.");
        }

        IEnumerable<FeatureStatistic> chosen = this.Features.OrderBy(f => f.Rank);
        if (minInformationValue is { } iv)
        {
            chosen = chosen.Where(f => f.InformationValue >= iv);
        }

        if (minImportance is { } importance)
        {
            chosen = chosen.Where(f => f.Importance >= importance);
        }

        return [.. chosen.Take(top ?? int.MaxValue).Select(f => f.Name)];
    }
}
