namespace MLOps.Core.Serving.Scoring;

/// <summary>A scored request: which deployment, package and model version answered, and each row's result in input order.</summary>
public sealed record ScoreAnswer(
    string RequestId,
    string Endpoint,
    string Deployment,
    string Package,
    string Model,
    int ModelVersion,
    IReadOnlyList<RowResult> Results);
