namespace MLOps.Orchestrations.Platform;

/// <summary>A pipeline stopped for a reason of its own (a gate not met, an approval that never came).</summary>
public sealed class PipelineFailedException : Exception
{
    public PipelineFailedException()
    {
    }

    public PipelineFailedException(string message)
        : base(message)
    {
    }

    public PipelineFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
