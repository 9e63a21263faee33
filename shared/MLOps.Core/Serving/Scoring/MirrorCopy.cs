using MLOps.Core.Serving.Endpoints;

namespace MLOps.Core.Serving.Scoring;

/// <summary>
/// A copy of an answered request for a mirror deployment: the request as read, where and by whom it was sent, and
/// <see cref="Answered"/>, true once the answered request's own entry is in the log (false: it is not, so neither is
/// the copy — a mirror entry always has its answered entry).
/// </summary>
public sealed record MirrorCopy(
    string AnsweredId, DateTimeOffset Time, ServingEndpoint Endpoint, Deployment Deployment, ScoreRequest Input, string Principal, Task<bool> Answered);
