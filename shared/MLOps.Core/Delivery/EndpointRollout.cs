namespace MLOps.Core.Delivery;

/// <summary>
/// One endpoint of a run: the live deployment the new package is judged against and rolled back to (null: the
/// endpoint serves nothing yet), whether the new package already answers all of its traffic, and the steps.
/// </summary>
public sealed record EndpointRollout(string Endpoint, DeployedPackage? Baseline, bool Live, RolloutPlan Plan);
