namespace MLOps.Core.Packaging;

/// <summary>A package that exists but does not verify (signature, manifest, a file's digest); nothing in it may be used.</summary>
public sealed class InvalidPackageException : Exception
{
    public InvalidPackageException(string digest, string problem)
        : base($"Package {digest} does not verify: {problem}")
    {
        this.Digest = digest;
        this.Problem = problem;
    }

    public InvalidPackageException()
    {
    }

    public InvalidPackageException(string message)
        : base(message)
    {
    }

    public InvalidPackageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public string? Digest { get; }

    public string? Problem { get; }
}
