namespace MLOps.Core.DataEngineering;

/// <summary>What ingesting a landed file produced: its content hash, shape and content-addressed snapshot.</summary>
public sealed record IngestedFile(
    string Project,
    string SourceBlob,
    string SourceETag,
    string Sha256,
    long Bytes,
    long Rows,
    IReadOnlyList<string> Columns,
    string SnapshotBlob,
    bool SnapshotCreated);
