namespace MLOps.Core.Serving.Endpoints;

/// <summary>An endpoint changed since the revision a change was based on; the caller reads it again.</summary>
public sealed class EndpointConflictException : Exception
{
    public EndpointConflictException()
    {
    }

    public EndpointConflictException(string message)
        : base(message)
    {
    }

    public EndpointConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
