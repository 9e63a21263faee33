using MLOps.Core.Naming;
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
        Add(problems, NameRules.Project.Problem("project", this.Project));
        Add(problems, NameRules.FeatureSetVersion.Problem("featureSet", this.FeatureSet));
        Add(problems, this.Experiment is null ? null : NameRules.Key.Problem("experiment", this.Experiment));
        if (this.Folds is < 2 or > 20)
        {
            problems.Add("folds must be from 2 to 20");
        }

        if (this.MaxParallel is < 1 or > 64)
        {
            problems.Add("maxParallel must be from 1 to 64");
        }

        this.CheckSearch(problems);
        for (int i = 0; i < (this.Algorithms?.Count ?? 0); i++)
        {
            Add(problems, NameRules.Key.Problem($"algorithms[{i}]", this.Algorithms![i]));
        }

        for (int i = 0; i < (this.Spaces?.Count ?? 0); i++)
        {
            problems.AddRange(this.Spaces![i] is { } space ? space.Validate($"spaces[{i}]") : [$"spaces[{i}] must not be null"]);
        }

        if (this.Spaces?.Where(s => s is not null).GroupBy(s => s.Algorithm, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            problems.Add($"spaces names the algorithm '{twice.Key}' more than once");
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

    private void CheckSearch(List<string> problems)
    {
        IReadOnlyList<SearchStage?> search = this.Search ?? DefaultSearch;
        if (search.Count == 0)
        {
            problems.Add("search needs at least one stage");
            return;
        }

        for (int i = 0; i < search.Count; i++)
        {
            if (search[i] is not { } stage)
            {
                problems.Add($"search[{i}] must not be null");
            }
            else if (stage.Trials is < 1 or > MaxTrials)
            {
                problems.Add($"search[{i}].trials must be from 1 to {MaxTrials}");
            }
        }

        // Summed as long: two stages of int.MaxValue trials must be a 400, not an overflow.
        if (search.All(s => s is { Trials: >= 1 and <= MaxTrials }) && search.Sum(s => (long)s!.Trials) > MaxTrials)
        {
            problems.Add($"search may run {MaxTrials} trials in all at most");
        }
        else if (search.OfType<SearchStage>().GroupBy(s => s.Strategy).FirstOrDefault(g => g.Count() > 1) is { } repeated)
        {
            // A stage's runs, seed and sub-orchestrations are named by its strategy: give one stage the trials instead.
            problems.Add($"search names the {repeated.Key} strategy more than once; give one stage all its trials");
        }
    }

    private static void Add(List<string> problems, string? problem)
    {
        if (problem is not null)
        {
            problems.Add(problem);
        }
    }
}
