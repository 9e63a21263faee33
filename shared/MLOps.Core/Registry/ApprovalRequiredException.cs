namespace MLOps.Core.Registry;

/// <summary>A gated alias (champion) was refused: the message and <see cref="Missing"/> say what approval is lacking.</summary>
public sealed class ApprovalRequiredException : InvalidOperationException
{
    public ApprovalRequiredException()
    {
    }

    public ApprovalRequiredException(string message)
        : base(message)
    {
    }

    public ApprovalRequiredException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ApprovalRequiredException(string message, IReadOnlyList<string> missing)
        : base(message) => this.Missing = missing;

    public IReadOnlyList<string> Missing { get; } = [];
}
