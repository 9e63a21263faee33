namespace MLOps.Core.Landing;

/// <summary>
/// One version (name and ETag) of a file under <c>landing/{project}/</c> and what became of it: waiting for the
/// project's spec, started (with the data pipeline's instance id) or superseded by a newer waiting file.
/// </summary>
public sealed record LandedFile
{
    public required string Project { get; init; }

    /// <summary>The blob's name inside the landing container: <c>{project}/{file}</c>.</summary>
    public required string Blob { get; init; }

    public required string ETag { get; init; }

    public long? Length { get; init; }

    public required DateTimeOffset LandedAt { get; init; }

    public required LandingState State { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>The data pipeline's instance: the landing blob's deterministic id.</summary>
    public string? InstanceId { get; init; }

    /// <summary>Why it waits, or what superseded it.</summary>
    public string? Reason { get; init; }

    public LandingBlob ToBlob(string container) => new(container, this.Blob, this.ETag, this.Length);
}
