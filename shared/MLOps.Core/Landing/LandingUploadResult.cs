namespace MLOps.Core.Landing;

public enum LandingUploadStatus
{
    /// <summary>Every byte arrived and the blob was committed: it is visible under its name from now on.</summary>
    Committed,

    /// <summary>The body is larger than the limit; nothing was committed.</summary>
    TooLarge,

    /// <summary>The body is empty; nothing was committed.</summary>
    Empty,

    /// <summary>A file of that name already landed (landed files are never overwritten); nothing was committed.</summary>
    Exists,
}

/// <summary>An upload's outcome; <see cref="Blob"/> and <see cref="Sha256"/> are set once committed.</summary>
public sealed record LandingUploadResult(LandingUploadStatus Status, long Bytes, LandingBlob? Blob = null, string? Sha256 = null);
