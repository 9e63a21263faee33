namespace MLOps.Core.FeatureStore.Offline;

/// <summary>
/// The columns of a feature-set file, in order: the entity key (string), the event time when the data has one
/// (a UTC timestamp in microseconds), the raw label when the project has a target (nullable string), the holdout
/// membership when the set records a split (<see cref="HoldoutColumn"/>, boolean: true for a holdout row, false for
/// a training row and for a row without a label, which is in neither part), then every feature as a non-nullable
/// double where NaN means missing.
/// </summary>
public sealed record FeatureTableSchema(string EntityKey, string? EventTime, string? Label, IReadOnlyList<string> Features, bool HasHoldout = false)
{
    /// <summary>The holdout column's name, reserved: no feature output may take it.</summary>
    public const string HoldoutColumn = "__holdout";

    /// <summary>Throws naming the first column that is empty or taken twice.</summary>
    public void Check()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        string?[] all = [this.EntityKey, this.EventTime, this.Label, this.HasHoldout ? HoldoutColumn : null, .. this.Features];
        foreach (string? column in all.Where((c, i) => c is not null || i >= 4))
        {
            if (string.IsNullOrWhiteSpace(column) || !seen.Add(column))
            {
                throw new ArgumentException($"The feature table has an empty or repeated column name: '{column}'.");
            }
        }
    }
}
