namespace MLOps.Core.Serving.Scoring;

/// <summary>
/// No ONNX worker is ready (starting, restarting, unreachable or none configured): scoring is answered 503 with
/// Retry-After, the one 5xx the serving routes give, since the request itself was fine.
/// </summary>
public sealed class NoReadyWorkerException : Exception
{
    public NoReadyWorkerException()
    {
    }

    public NoReadyWorkerException(string message)
        : base(message)
    {
    }

    public NoReadyWorkerException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
