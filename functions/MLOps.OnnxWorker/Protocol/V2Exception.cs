namespace MLOps.OnnxWorker.Protocol;

/// <summary>A request the worker answers with the protocol's error object {"error": "..."} and this status.</summary>
public sealed class V2Exception : Exception
{
    public V2Exception()
    {
    }

    public V2Exception(string message)
        : base(message)
    {
    }

    public V2Exception(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public V2Exception(int status, string message)
        : base(message)
    {
        this.Status = status;
    }

    public int Status { get; } = 400;
}
