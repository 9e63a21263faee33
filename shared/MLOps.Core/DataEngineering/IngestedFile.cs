namespace MLOps.Core.DataEngineering;

/// <summary>
/// What ingesting a landed file produced: its content hash, shape and content-addressed snapshot, with the
/// record-aligned byte offsets later steps fan out over (chunk i spans <see cref="ChunkStarts"/>[i] up to the
/// next start or the end of the file) and the column groups profiling fans out over. <see cref="Bytes"/> is the
/// snapshot's length, which the chunk ranges end at; <see cref="LandedBytes"/> is the landed file's, which differs
/// when a Parquet file was converted to the CSV snapshot.
/// </summary>
public sealed record IngestedFile(
    string Project,
    string SourceBlob,
    string SourceETag,
    string? SourceMd5,
    string Sha256,
    long Bytes,
    long Rows,
    IReadOnlyList<string> Columns,
    string SnapshotBlob,
    bool SnapshotCreated,
    IReadOnlyList<long> ChunkStarts,
    IReadOnlyList<IReadOnlyList<string>> ColumnGroups,
    long? LandedBytes = null)
{
    public int Chunks => this.ChunkStarts.Count;

    /// <summary>Where the header ends: the first chunk starts there.</summary>
    public long DataStart => this.ChunkStarts[0];

    public (long Start, long End) Chunk(int index) =>
        (this.ChunkStarts[index], index + 1 < this.ChunkStarts.Count ? this.ChunkStarts[index + 1] : this.Bytes);
}
