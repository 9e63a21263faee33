using MLOps.Core.FeatureStore;
using MLOps.Core.Requirements;

namespace MLOps.Core.Experiments;

/// <summary>
/// An experiment resolved against the registered project and the feature store: what to search, on which data,
/// scored how. Scores are higher-is-better: <see cref="ScoreMetric"/> as measured when the gate says "at least",
/// negated when it says "at most" (log-loss, RMSE), so every strategy maximises.
/// </summary>
public sealed record ExperimentPlan
{
    public required string Project { get; init; }

    public required int ProjectVersion { get; init; }

    public required string SpecBlob { get; init; }

    public required string SpecSha256 { get; init; }

    public required ModelTask Task { get; init; }

    public string? PositiveClass { get; init; }

    public required AcceptanceGate Acceptance { get; init; }

    /// <summary>The metric key trials are scored on (a <c>ModelMetrics</c> name such as <c>Auc</c>).</summary>
    public required string ScoreMetric { get; init; }

    public required FeatureSetVersion FeatureSet { get; init; }

    public required string Experiment { get; init; }

    public required string ModelName { get; init; }

    public required IReadOnlyList<SearchSpace> Spaces { get; init; }

    public required IReadOnlyList<SearchStage> Stages { get; init; }

    public required int Folds { get; init; }

    public required int MaxParallel { get; init; }

    public required long Seed { get; init; }

    public required bool StopWhenThresholdMet { get; init; }

    public required bool MedianStopping { get; init; }

    public string? RequestedBy { get; init; }

    /// <summary>Class weighting of every trial and of the candidate; recorded in each run's parameters.</summary>
    public ClassWeighting ClassWeights { get; init; } = ClassWeighting.None;

    /// <summary>What the candidate's decision threshold maximises on its validation rows (binary classification).</summary>
    public ThresholdObjective ThresholdObjective { get; init; } = ThresholdObjective.F1;

    public double ScoreOf(double metric) => this.Acceptance.Direction == GateDirection.AtLeast ? metric : -metric;

    /// <summary>The acceptance threshold on the score scale.</summary>
    public double ScoreThreshold => this.ScoreOf(this.Acceptance.Threshold);

    /// <summary>A trial's parameters as trained and recorded: the proposal's plus the plan's class weighting.</summary>
    public IReadOnlyDictionary<string, string> TrainingParameters(IReadOnlyDictionary<string, string> proposal) =>
        Experiments.ClassWeights.With(proposal, this.ClassWeights);

    /// <summary>
    /// The feature set's recorded holdout split as run tags (strategy, fraction, seed, rows): the holdout is never
    /// seen by the search, and every run says which one it was kept away from.
    /// </summary>
    public IReadOnlyDictionary<string, string> HoldoutTags()
    {
        FeatureStore.Holdout.HoldoutSplit split = this.FeatureSet.Split
            ?? throw new InvalidOperationException($"Feature-set version {this.FeatureSet.Version} of '{this.Project}' records no holdout split.");
        return new Dictionary<string, string>
        {
            ["holdoutStrategy"] = split.Strategy.ToString(),
            ["holdoutFraction"] = split.Fraction.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
            ["holdoutSeed"] = split.Seed.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["holdoutRows"] = split.HoldoutRows.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
    }

    public string RunId(SearchStrategyKind stage, int trial) =>
        $"{this.Experiment}-{stage.ToString().ToLowerInvariant()}-t{trial:D3}";
}
