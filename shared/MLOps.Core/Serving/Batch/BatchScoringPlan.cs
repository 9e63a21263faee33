using MLOps.Core.DataEngineering;
using MLOps.Core.Serving.Endpoints;

namespace MLOps.Core.Serving.Batch;

/// <summary>
/// What a batch-scoring run scores, decided once at its start: the deployment (so a redeployment during the run
/// changes nothing), the input as a content-addressed CSV snapshot with record-aligned chunks of
/// <see cref="ChunkRows"/> records, and the output blob, named by the package and the input's hash so the same input
/// scored by the same package always has the same output. <see cref="Committed"/>: that output exists already.
/// </summary>
public sealed record BatchScoringPlan(
    BatchScoringRequest Request,
    Deployment Deployment,
    IngestedFile Input,
    long ChunkRows,
    string OutputContainer,
    string OutputBlob,
    bool Committed)
{
    public int Chunks => this.Input.Chunks;

    /// <summary>The number, among the input's records, of the record before chunk <paramref name="chunk"/>'s first.</summary>
    public long RecordsBefore(int chunk) => chunk * this.ChunkRows;
}
