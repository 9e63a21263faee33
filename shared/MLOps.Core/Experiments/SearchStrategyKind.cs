namespace MLOps.Core.Experiments;

public enum SearchStrategyKind { Grid, Random, Bayesian, Genetic }
