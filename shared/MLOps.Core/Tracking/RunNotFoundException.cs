namespace MLOps.Core.Tracking;

/// <summary>A log or end call named a run that was never started.</summary>
public sealed class RunNotFoundException : KeyNotFoundException
{
    public RunNotFoundException()
    {
    }

    public RunNotFoundException(string message)
        : base(message)
    {
    }

    public RunNotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
