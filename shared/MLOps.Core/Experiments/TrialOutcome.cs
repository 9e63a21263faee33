namespace MLOps.Core.Experiments;

/// <summary>A finished trial: its tracked run, its result for the strategy, and its mean cross-validated metrics.</summary>
public sealed record TrialOutcome(string RunId, SearchStrategyKind Stage, TrialResult Result, IReadOnlyDictionary<string, double> Metrics)
{
    /// <summary>The highest-scoring completed trial, ties to the first run id; null when none completed.</summary>
    public static TrialOutcome? Best(IEnumerable<TrialOutcome> trials) => trials
        .Where(t => t.Result.Status == TrialStatus.Completed)
        .OrderByDescending(t => t.Result.Score).ThenBy(t => t.RunId, StringComparer.Ordinal)
        .FirstOrDefault();
}
