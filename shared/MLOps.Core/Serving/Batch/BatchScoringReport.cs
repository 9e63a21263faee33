namespace MLOps.Core.Serving.Batch;

/// <summary>A finished batch-scoring run: its output blob, what scored it, and how many records were scored or refused.</summary>
public sealed record BatchScoringReport(
    string Output,
    string Endpoint,
    string Deployment,
    string Package,
    string Model,
    int ModelVersion,
    string InputSha256,
    long Rows,
    long Scored,
    long Refused);
