namespace MLOps.Core.Monitoring.Drift;

/// <summary>
/// k-of-n persistence: an alert needs drift in at least <see cref="Required"/> of the last <see cref="Windows"/>
/// windows. Default 2 of 3: a false alarm that survives BH (about 5% of windows under no drift) must recur in one of
/// the next two windows for the same feature, which independent windows make rare (per feature ≈ 3·(5%/m)²), while a
/// real, lasting shift alerts on its second window.
/// </summary>
public sealed record DriftPersistenceRule(int Required = 2, int Windows = 3)
{
    public bool Fires(IReadOnlyList<bool> windowsOldestFirst)
    {
        ArgumentNullException.ThrowIfNull(windowsOldestFirst);
        Validate();
        return windowsOldestFirst.Skip(Math.Max(0, windowsOldestFirst.Count - Windows)).Count(d => d) >= Required;
    }

    /// <summary>
    /// Whether the latest windows (oldest first, the newest last) call for an alert: dataset drift that persists, a
    /// feature whose drift persists, or a feature whose missing share keeps shifting.
    /// </summary>
    public DriftAlertDecision Evaluate(IReadOnlyList<DatasetDriftResult> windowsOldestFirst)
    {
        ArgumentNullException.ThrowIfNull(windowsOldestFirst);
        Validate();
        DatasetDriftResult[] recent = [.. windowsOldestFirst.Skip(Math.Max(0, windowsOldestFirst.Count - Windows))];
        bool dataset = recent.Count(w => w.DatasetDrifted) >= Required;
        string[] features = Persistent(recent, w => w.DriftedFeatures);
        string[] nulls = Persistent(recent, w => w.NullShiftedFeatures);
        return new DriftAlertDecision(dataset || features.Length > 0 || nulls.Length > 0, dataset, features, nulls);
    }

    private string[] Persistent(DatasetDriftResult[] recent, Func<DatasetDriftResult, IReadOnlyList<string>> flagged)
    {
        // Ranked as in the newest window, so the alert names the strongest drift first.
        string[] newestOrder = recent.Length == 0 ? [] : [.. recent[^1].Ranked.Select(f => f.Feature)];
        HashSet<string> persistent = [.. recent.SelectMany(flagged).GroupBy(f => f, StringComparer.Ordinal)
            .Where(g => g.Count() >= Required).Select(g => g.Key)];
        return [.. newestOrder.Where(persistent.Contains), .. persistent.Except(newestOrder).Order(StringComparer.Ordinal)];
    }

    private void Validate()
    {
        if (Required < 1 || Windows < Required)
        {
            throw new ArgumentException($"Persistence needs 1 ≤ required ({Required}) ≤ windows ({Windows}).");
        }
    }
}
