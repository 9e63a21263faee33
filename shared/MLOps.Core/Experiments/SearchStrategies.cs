namespace MLOps.Core.Experiments;

public static class SearchStrategies
{
    public static ISearchStrategy Create(SearchStrategyKind kind, SearchStrategyOptions? options = null)
    {
        options ??= SearchStrategyOptions.Default;
        return kind switch
        {
            SearchStrategyKind.Grid => new GridSearch(options.Grid ?? new GridSearchOptions()),
            SearchStrategyKind.Random => new RandomSearch(),
            SearchStrategyKind.Bayesian => new TpeSearch(options.Tpe ?? new TpeOptions()),
            SearchStrategyKind.Genetic => new GeneticSearch(options.Genetic ?? new GeneticOptions()),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown search strategy."),
        };
    }
}
