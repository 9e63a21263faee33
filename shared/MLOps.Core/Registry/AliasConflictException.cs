namespace MLOps.Core.Registry;

/// <summary>
/// An alias moved between this caller's read and write (or was not where the caller expected): the other
/// move won. Nothing was written; read the alias again and decide anew.
/// </summary>
public sealed class AliasConflictException : InvalidOperationException
{
    public AliasConflictException()
    {
    }

    public AliasConflictException(string message)
        : base(message)
    {
    }

    public AliasConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
