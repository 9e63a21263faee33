namespace MLOps.OnnxWorker.Packages;

/// <summary>A load refused, with the HTTP status to answer and the reason (which names the file or check that failed).</summary>
public sealed class PackageRefusedException : Exception
{
    public PackageRefusedException()
    {
    }

    public PackageRefusedException(string message)
        : base(message)
    {
    }

    public PackageRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public PackageRefusedException(int status, string reason, Exception? innerException = null)
        : base(reason, innerException)
    {
        this.Status = status;
    }

    public int Status { get; } = 409;
}
