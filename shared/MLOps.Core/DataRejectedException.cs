namespace MLOps.Core;

/// <summary>
/// The input itself is unusable (malformed file, missing data, a failed hard rule): retrying cannot help, so
/// pipelines fail at once with this message instead of retrying the step.
/// </summary>
public sealed class DataRejectedException : Exception
{
    public DataRejectedException()
    {
    }

    public DataRejectedException(string message)
        : base(message)
    {
    }

    public DataRejectedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
