namespace MLOps.Core.Serving.Scoring;

/// <summary>A ready worker answered an inference with an error the request did not cause (answered 502, naming the error).</summary>
public sealed class WorkerFailedException : Exception
{
    public WorkerFailedException()
    {
    }

    public WorkerFailedException(string message)
        : base(message)
    {
    }

    public WorkerFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
