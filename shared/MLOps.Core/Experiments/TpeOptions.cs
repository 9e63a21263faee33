namespace MLOps.Core.Experiments;

/// <summary>
/// Tree-structured Parzen Estimator settings. <paramref name="StartupTrials"/> random trials per algorithm before
/// modelling; <paramref name="Gamma"/> the fraction of scored trials called good; <paramref name="Candidates"/>
/// drawn from the good model per proposal; <paramref name="PriorWeight"/> of the uniform prior component.
/// </summary>
public sealed record TpeOptions(int StartupTrials = 5, double Gamma = 0.25, int Candidates = 24, double PriorWeight = 1.0);
