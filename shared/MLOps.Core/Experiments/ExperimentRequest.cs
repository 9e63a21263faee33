using MLOps.Core.Pipelines;

namespace MLOps.Core.Experiments;

/// <summary>
/// Input of the experiment pipeline. Everything but the project has a default: the latest feature set, every
/// algorithm of the project's task with its default search space, the four strategies with 8 trials each,
/// 5-fold cross-validation. <see cref="Spaces"/> replaces the default space of the algorithms it names.
/// <see cref="ClassWeights"/> weights classification rows (default none); <see cref="ThresholdObjective"/> is what a
/// binary model's decision threshold maximises on validation rows (default F1).
/// </summary>
public sealed record ExperimentRequest(
    string Project = "",
    string FeatureSet = "latest",
    string? Experiment = null,
    IReadOnlyList<string>? Algorithms = null,
    IReadOnlyList<SearchStage>? Search = null,
    IReadOnlyList<SearchSpace>? Spaces = null,
    int Folds = 5,
    int MaxParallel = 4,
    long Seed = 42,
    bool StopWhenThresholdMet = false,
    bool MedianStopping = true,
    string? ModelName = null,
    string? RequestedBy = null,
    ClassWeighting ClassWeights = ClassWeighting.None,
    ThresholdObjective ThresholdObjective = ThresholdObjective.F1) : IPipelineInput
{
    public const int MaxTrials = 512;

    public static IReadOnlyList<SearchStage> DefaultSearch { get; } =
    [
        new(SearchStrategyKind.Grid, 8),
        new(SearchStrategyKind.Random, 8),
        new(SearchStrategyKind.Bayesian, 8),
        new(SearchStrategyKind.Genetic, 8),
    ];

    public IPipelineInput ForCaller(string principal) => this with { RequestedBy = principal };

    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(this.Project))
        {
            problems.Add("project is required");
        }

        if (this.Folds is < 2 or > 20)
        {
            problems.Add("folds must be from 2 to 20");
        }

        if (this.MaxParallel is < 1 or > 64)
        {
            problems.Add("maxParallel must be from 1 to 64");
        }

        IReadOnlyList<SearchStage> search = this.Search ?? DefaultSearch;
        if (search.Count == 0 || search.Any(s => s.Trials < 1) || search.Sum(s => s.Trials) > MaxTrials)
        {
            problems.Add($"search needs at least one stage, each with at least one trial, {MaxTrials} trials in all at most");
        }
        else if (search.GroupBy(s => s.Strategy).FirstOrDefault(g => g.Count() > 1) is { } repeated)
        {
            // A stage's runs, seed and sub-orchestrations are named by its strategy: give one stage the trials instead.
            problems.Add($"search names the {repeated.Key} strategy more than once; give one stage all its trials");
        }

        if (!Enum.IsDefined(this.ClassWeights))
        {
            problems.Add($"classWeights must be one of {string.Join(", ", Enum.GetNames<ClassWeighting>())}");
        }

        if (!Enum.IsDefined(this.ThresholdObjective))
        {
            problems.Add($"thresholdObjective must be one of {string.Join(", ", Enum.GetNames<ThresholdObjective>())}");
        }

        if (this.ModelName is { } name && !Registry.ModelAliases.IsValidModelName(name))
        {
            problems.Add("modelName must be letters, digits, '.', '_' or '-', starting with a letter or digit");
        }

        return problems;
    }
}
