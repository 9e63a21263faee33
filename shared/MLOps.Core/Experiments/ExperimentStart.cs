namespace MLOps.Core.Experiments;

/// <summary>The planning step's input: the request and the run's instance id, which names the experiment by default.</summary>
public sealed record ExperimentStart(ExperimentRequest Request, string InstanceId);
