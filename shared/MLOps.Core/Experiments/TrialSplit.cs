namespace MLOps.Core.Experiments;

/// <summary>
/// TPE's good/bad partition: the best ⌈γ·n⌉ completed trials are good; everything else, including every stopped
/// trial (its score is partial), is bad. Ties break by trial number so the split is reproducible.
/// </summary>
internal sealed record TrialSplit(IReadOnlyList<TrialResult> Good, IReadOnlyList<TrialResult> Bad)
{
    public static TrialSplit Of(IReadOnlyList<TrialResult> scored, double gamma)
    {
        var completed = scored
            .Where(r => r.Status == TrialStatus.Completed)
            .OrderByDescending(r => r.Score)
            .ThenBy(r => r.TrialNumber)
            .ToList();
        int good = Math.Min(completed.Count, Math.Max(1, (int)Math.Ceiling(gamma * scored.Count)));
        var bad = completed.Skip(good).Concat(scored.Where(r => r.Status == TrialStatus.Stopped)).ToList();
        return new TrialSplit(completed.Take(good).ToList(), bad);
    }
}
