namespace MLOps.Core.Serving.Scoring;

/// <summary>A worker refused to load a package (its signature, digests or model did not check out): the deployment is refused, 409.</summary>
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
}
