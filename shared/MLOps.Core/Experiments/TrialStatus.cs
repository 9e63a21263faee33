namespace MLOps.Core.Experiments;

/// <summary>How a trial ended. Only <see cref="Completed"/> scores steer the search; stopped trials count as bad.</summary>
public enum TrialStatus { Completed, Stopped, Failed }
