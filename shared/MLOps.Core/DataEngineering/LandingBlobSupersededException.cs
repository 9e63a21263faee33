namespace MLOps.Core.DataEngineering;

/// <summary>
/// The landed blob was overwritten before it was ingested (its ETag changed): this run's version of the file no
/// longer exists and the new version has a run of its own. Not a failure of the data or of the pipeline — the run
/// ends as superseded — and not worth retrying.
/// </summary>
public sealed class LandingBlobSupersededException : Exception
{
    public LandingBlobSupersededException()
    {
    }

    public LandingBlobSupersededException(string message)
        : base(message)
    {
    }

    public LandingBlobSupersededException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
