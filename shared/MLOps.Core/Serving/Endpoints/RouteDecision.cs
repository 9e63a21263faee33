namespace MLOps.Core.Serving.Endpoints;

/// <summary>Where one request goes: the deployment that answers it and, maybe, one that scores a mirrored copy.</summary>
public sealed record RouteDecision(Deployment Answer, Deployment? Mirror);
