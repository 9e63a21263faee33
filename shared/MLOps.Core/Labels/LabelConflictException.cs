namespace MLOps.Core.Labels;

/// <summary>A different label is already stored for the same prediction; labels are write-once (a door answers 409).</summary>
public sealed class LabelConflictException : Exception
{
    public LabelConflictException()
    {
    }

    public LabelConflictException(string message)
        : base(message)
    {
    }

    public LabelConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
