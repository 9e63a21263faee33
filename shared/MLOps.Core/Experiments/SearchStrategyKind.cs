using MLOps.Core.Json;

namespace MLOps.Core.Experiments;

/// <summary>Search strategies; requests may also name the Bayesian search by its method, TPE (any case).</summary>
public enum SearchStrategyKind
{
    Grid,
    Random,
    [JsonEnumAlias("TPE")]
    Bayesian,
    Genetic,
}
