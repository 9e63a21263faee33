namespace MLOps.Core.Delivery;

/// <summary>Ends a passed rollout: the champion alias to the new version (if it is still where the run found it), the old deployments retired.</summary>
public sealed record PromotionRequest(string RunId, string Project, DeployedPackage Candidate, IReadOnlyList<EndpointRollout> Endpoints, int? PreviousChampion);
